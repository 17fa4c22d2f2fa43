#include "ui/shell/Translations.h"

#include "ui/shell/UiLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fo::ui {

Translations::Translations(QObject *parent) : QObject(parent) {}

QList<QPair<QString, QString>> Translations::available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("ru"), QStringLiteral("Русский")}};
}

QString Translations::install(const QString &code)
{
    for (QTranslator *t : {m_app, m_qt}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    m_app = nullptr;
    m_qt = nullptr;

    QString language = code;
    if (language.isEmpty()) {
        language = QStringLiteral("en");
        for (const QString &ui : QLocale::system().uiLanguages()) {
            if (ui.startsWith(QLatin1String("ru"))) {
                language = QStringLiteral("ru");
                break;
            }
            if (ui.startsWith(QLatin1String("en")))
                break;
        }
    }
    QLocale::setDefault(QLocale(language == QLatin1String("ru") ? QLocale::Russian : QLocale::English,
                                language == QLatin1String("ru") ? QLocale::Russia : QLocale::UnitedStates));

    m_app = new QTranslator(this);
    if (m_app->load(QStringLiteral(":/i18n/find-outliers_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(m_app);
    } else {
        qCWarning(lcUi) << "no translation for" << language;
        delete m_app;
        m_app = nullptr;
    }
    m_qt = new QTranslator(this);
    if (m_qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(m_qt);
    } else {
        delete m_qt;
        m_qt = nullptr;
    }
    m_current = language;
    return language;
}

} // namespace fo::ui
