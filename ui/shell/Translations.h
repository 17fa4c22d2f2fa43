#pragma once

#include <QObject>
#include <QString>

class QTranslator;

namespace fo::ui {

// Installs the application's and Qt's translators: the language chosen in the settings, or the system locale.
class Translations : public QObject
{
    Q_OBJECT

public:
    explicit Translations(QObject *parent = nullptr);

    // "" follows the system locale. Returns the language code now in use ("en" or "ru").
    QString install(const QString &code);
    QString current() const { return m_current; }

    // The languages offered in the settings: code and name in that language.
    static QList<QPair<QString, QString>> available();

private:
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
    QString m_current;
};

} // namespace fo::ui
