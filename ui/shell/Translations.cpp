#include "ui/shell/Translations.h"

#include "ui/shell/UiLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fo::ui {

Translations::Translations(QObject *parent) : QObject(parent) { }

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

    // The saved choice, or else the system's languages in their order of preference: QTranslator takes the first it
    // has a file for. English when it has none.
    const QString name = QStringLiteral("find-outliers");
    const QString prefix = QStringLiteral("_");
    const QString folder = QStringLiteral(":/i18n");
    const QLocale wanted = code.isEmpty() ? QLocale::system() : QLocale(code);
    m_app = new QTranslator(this);
    if (m_app->load(wanted, name, prefix, folder)
        || m_app->load(QLocale(QLocale::English, QLocale::UnitedStates), name, prefix, folder)) {
        QCoreApplication::installTranslator(m_app);
    } else {
        qCWarning(lcUiI18n) << "no translation for" << wanted.uiLanguages();
        delete m_app;
        m_app = nullptr;
    }
    // The locale of the translation in use (its .ts file's language: en_US or ru_RU) formats numbers and dates.
    const QLocale locale = m_app && !m_app->language().isEmpty() ? QLocale(m_app->language())
                                                                 : QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(locale);
    const QString language = QLocale::languageToCode(locale.language());

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
