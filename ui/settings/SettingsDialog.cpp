#include "ui/settings/SettingsDialog.h"

#include "core/HttpProbe.h"
#include "core/HttpUrl.h"
#include "core/RedisProbe.h"
#include "ui/shell/Translations.h"
#include "ui/tasks/BackgroundTasks.h"
#include "ui/tasks/QueryWorker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace fo::ui {

namespace {

// A Test button's answer. Room for the usual answers at the dialog's width (four lines for a service; six for the
// database, whose refusal comes with its advice), so that a result does not push the rows below it down (where the
// next click was aimed). A longer one (a long address or database name, a server's own long error, a language with
// longer words) makes the line taller rather than being cut off: the height was fixed, sized for English answers. The
// label sets its own height (fit()): a dialog does not grow with a label's height for its width by itself.
class ResultLabel : public QLabel
{
public:
    ResultLabel(int lines, QWidget *parent) : QLabel(parent)
    {
        setWordWrap(true);
        setTextFormat(Qt::PlainText);
        setAlignment(Qt::AlignLeft | Qt::AlignTop);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_reserved = fontMetrics().lineSpacing() * lines + 4;
        setFixedHeight(m_reserved);
    }

    // After each new text, and at each new width.
    void fit()
    {
        const int width = contentsRect().width();
        if (width <= 0)
            return;
        const int textHeight =
            fontMetrics()
                .boundingRect(QRect(0, 0, width, 1 << 20), int(alignment()) | Qt::TextWordWrap, text())
                .height();
        const int needs = std::max(m_reserved, textHeight + height() - contentsRect().height());
        if (height() != needs || minimumHeight() != needs)
            setFixedHeight(needs);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        fit();
    }

private:
    int m_reserved = 0;
};

QLabel *resultLabel(QWidget *parent, int lines = 4)
{
    return new ResultLabel(lines, parent);
}

void fitResult(QLabel *label)
{
    static_cast<ResultLabel *>(label)->fit();
}

// The settings' variables, with the label of their field in this dialog.
QList<QPair<QString, QString>> fieldNames()
{
    return {{QStringLiteral("DB_HOST"), SettingsDialog::tr("Host")},
            {QStringLiteral("DB_PORT"), SettingsDialog::tr("Port")},
            {QStringLiteral("DB_USER"), SettingsDialog::tr("User")},
            {QStringLiteral("DB_PASSWORD"), SettingsDialog::tr("Password")},
            {QStringLiteral("DB_NAME"), SettingsDialog::tr("Database")},
            {QStringLiteral("REDIS_HOST"), SettingsDialog::tr("Redis")},
            {QStringLiteral("REDIS_PORT"), SettingsDialog::tr("Redis port")},
            {QStringLiteral("AUTH_API_BASE_URL"), SettingsDialog::tr("Auth API")},
            {QStringLiteral("NOTIFICATIONS_API_BASE_URL"), SettingsDialog::tr("Notifications API")}};
}

QWidget *withButton(QWidget *field, QPushButton *button, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

SettingsDialog::SettingsDialog(BackgroundTasks *tasks, HttpProbe *http, QWidget *parent)
    : QDialog(parent), m_tasks(tasks), m_http(http), m_engine(new QComboBox(this)), m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)), m_name(new QLineEdit(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_dbResult(resultLabel(this, 6)), m_auth(new QLineEdit(this)),
      m_authResult(resultLabel(this)), m_notifications(new QLineEdit(this)), m_notificationsResult(resultLabel(this)),
      m_redisHost(new QLineEdit(this)), m_redisPort(new QSpinBox(this)), m_redisResult(resultLabel(this)),
      m_rawK(new QDoubleSpinBox(this)), m_processedK(new QDoubleSpinBox(this)), m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(680);

    m_engine->addItem(tr("PostgreSQL"), QStringLiteral("postgresql"));
    m_engine->addItem(tr("SQLite (a local file)"), QStringLiteral("sqlite"));
    m_port->setRange(1, 65535);
    m_redisPort->setRange(1, 65535);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("kept in the system keychain"));
    m_engine->setObjectName(QStringLiteral("dbEngineCombo"));
    m_host->setObjectName(QStringLiteral("dbHostEdit"));
    m_port->setObjectName(QStringLiteral("dbPortSpin"));
    m_name->setObjectName(QStringLiteral("dbNameEdit"));
    m_user->setObjectName(QStringLiteral("dbUserEdit"));
    m_password->setObjectName(QStringLiteral("dbPasswordEdit"));
    m_dbResult->setObjectName(QStringLiteral("dbTestResult"));
    m_auth->setObjectName(QStringLiteral("authUrlEdit"));
    m_authResult->setObjectName(QStringLiteral("authTestResult"));
    m_notifications->setObjectName(QStringLiteral("notificationsUrlEdit"));
    m_notificationsResult->setObjectName(QStringLiteral("notificationsTestResult"));
    m_redisHost->setObjectName(QStringLiteral("redisHostEdit"));
    m_redisPort->setObjectName(QStringLiteral("redisPortSpin"));
    m_redisResult->setObjectName(QStringLiteral("redisTestResult"));
    m_rawK->setObjectName(QStringLiteral("defaultRawThresholdSpin"));
    m_processedK->setObjectName(QStringLiteral("defaultProcessedThresholdSpin"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_redisHost->setPlaceholderText(tr("empty: no run flag"));
    m_notifications->setPlaceholderText(tr("empty: no notifications"));
    for (QDoubleSpinBox *k : {m_rawK, m_processedK}) {
        k->setRange(0.1, 100.0);
        k->setDecimals(2);
        k->setSingleStep(0.5);
    }
    m_language->addItem(tr("System default"), QString());
    for (const auto &[code, name] : Translations::available())
        m_language->addItem(name, code);

    auto *tabs = new QTabWidget(this);

    auto *dbPage = new QWidget(tabs);
    auto *dbForm = new QFormLayout(dbPage);
    auto *dbTest = new QPushButton(tr("Test connection"), dbPage);
    dbTest->setObjectName(QStringLiteral("testDatabaseButton"));
    dbForm->addRow(tr("Engine:"), m_engine);
    dbForm->addRow(tr("Host:"), m_host);
    dbForm->addRow(tr("Port:"), m_port);
    dbForm->addRow(tr("Database:"), m_name);
    dbForm->addRow(tr("User:"), m_user);
    dbForm->addRow(tr("Password:"), m_password);
    dbForm->addRow(QString(), dbTest);
    dbForm->addRow(QString(), m_dbResult);
    tabs->addTab(dbPage, tr("Database"));

    auto *servicesPage = new QWidget(tabs);
    auto *servicesForm = new QFormLayout(servicesPage);
    auto *authTest = new QPushButton(tr("Test connection"), servicesPage);
    auto *notificationsTest = new QPushButton(tr("Test connection"), servicesPage);
    auto *redisTest = new QPushButton(tr("Test connection"), servicesPage);
    authTest->setObjectName(QStringLiteral("testAuthButton"));
    notificationsTest->setObjectName(QStringLiteral("testNotificationsButton"));
    redisTest->setObjectName(QStringLiteral("testRedisButton"));
    servicesForm->addRow(tr("Auth API:"), withButton(m_auth, authTest, servicesPage));
    servicesForm->addRow(QString(), m_authResult);
    servicesForm->addRow(tr("Notifications API:"), withButton(m_notifications, notificationsTest, servicesPage));
    servicesForm->addRow(QString(), m_notificationsResult);
    // The data collection API (DATA_COLLECTION_API_BASE_URL) is read by the platform's web front end, not by this
    // tool: nothing here uses it, so the dialog does not ask for it (a value from the environment is kept).
    auto *redisRow = new QWidget(servicesPage);
    auto *redisLayout = new QHBoxLayout(redisRow);
    redisLayout->setContentsMargins(0, 0, 0, 0);
    redisLayout->addWidget(m_redisHost, 1);
    redisLayout->addWidget(new QLabel(tr("Port:"), redisRow));
    redisLayout->addWidget(m_redisPort);
    redisLayout->addWidget(redisTest);
    servicesForm->addRow(tr("Redis:"), redisRow);
    servicesForm->addRow(QString(), m_redisResult);
    tabs->addTab(servicesPage, tr("Services"));

    auto *analysisPage = new QWidget(tabs);
    auto *analysisForm = new QFormLayout(analysisPage);
    analysisForm->addRow(tr("Raw records, k:"), m_rawK);
    analysisForm->addRow(tr("Processed records, k:"), m_processedK);
    auto *kNote = new QLabel(tr("A value is an outlier when |z| > k. The platform's job uses 3 for raw and 2 for "
                                "processed records."),
                             analysisPage);
    kNote->setWordWrap(true);
    analysisForm->addRow(kNote);
    tabs->addTab(analysisPage, tr("Analysis"));

    auto *interfacePage = new QWidget(tabs);
    auto *interfaceForm = new QFormLayout(interfacePage);
    interfaceForm->addRow(tr("Language:"), m_language);
    tabs->addTab(interfacePage, tr("Interface"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT settingsAccepted(config(), language());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(dbTest, &QPushButton::clicked, this, &SettingsDialog::testDatabase);
    connect(authTest, &QPushButton::clicked, this, &SettingsDialog::testAuth);
    connect(notificationsTest, &QPushButton::clicked, this, &SettingsDialog::testNotifications);
    connect(redisTest, &QPushButton::clicked, this, &SettingsDialog::testRedis);
    connect(m_engine, &QComboBox::currentIndexChanged, this, &SettingsDialog::onEngineChosen);
    connect(m_tasks->queryWorker(), &QueryWorker::connectionTested, this,
            [this](bool ok, const QString &message, quint64 ticket) {
                if (ticket == m_dbTicket)
                    showResult(m_dbResult, ok ? ProbeAnswer::Outcome::Ok : ProbeAnswer::Outcome::Failed, QString(),
                               message);
            });
}

void SettingsDialog::setConfig(const Config &config, const QString &language)
{
    m_base = config;
    m_engine->setCurrentIndex(config.dbEngine == Config::DbEngine::Sqlite ? 1 : 0);
    m_host->setText(config.dbHost);
    m_port->setValue(config.dbPort);
    m_name->setText(config.dbName);
    m_user->setText(config.dbUser);
    m_password->setText(config.dbPassword);
    m_auth->setText(config.authApiBaseUrl);
    m_notifications->setText(config.notificationsApiBaseUrl);
    m_redisHost->setText(config.redisHost);
    m_redisPort->setValue(config.redisPort);
    m_rawK->setValue(config.rawThreshold);
    m_processedK->setValue(config.processedThreshold);
    const int languageIndex = m_language->findData(language);
    m_language->setCurrentIndex(languageIndex < 0 ? 0 : languageIndex);
    m_postgres = config.dbEngine != Config::DbEngine::Sqlite;
    m_sqlitePath = m_postgres ? embeddedDatabasePath() : config.dbName;
    m_postgresName = m_postgres ? config.dbName : QStringLiteral("records");
    updateEngine();
}

Config SettingsDialog::config() const
{
    Config c = m_base;
    c.dbEngine = m_engine->currentData().toString() == QLatin1String("sqlite") ? Config::DbEngine::Sqlite
                                                                               : Config::DbEngine::PostgreSql;
    c.embeddedDefault = false;
    c.dbHost = m_host->text().trimmed();
    c.dbPort = m_port->value();
    c.dbName = m_name->text().trimmed();
    c.dbUser = m_user->text().trimmed();
    c.dbPassword = m_password->text();
    c.authApiBaseUrl = m_auth->text().trimmed();
    c.notificationsApiBaseUrl = m_notifications->text().trimmed();
    c.redisHost = m_redisHost->text().trimmed();
    c.redisPort = m_redisPort->value();
    c.rawThreshold = m_rawK->value();
    c.processedThreshold = m_processedK->value();
    return c;
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::databaseTestResult() const
{
    return m_dbResult->text();
}

QString SettingsDialog::redisTestResult() const
{
    return m_redisResult->text();
}

void SettingsDialog::onEngineChosen()
{
    const bool postgres = m_engine->currentData().toString() != QLatin1String("sqlite");
    if (postgres == m_postgres)
        return;
    // Each engine keeps its own database name: a SQLite file path is no PostgreSQL database, and back.
    if (postgres) {
        m_sqlitePath = m_name->text().trimmed();
        m_name->setText(m_postgresName);
    } else {
        m_postgresName = m_name->text().trimmed();
        m_name->setText(m_sqlitePath);
    }
    m_postgres = postgres;
    // The last test was of the other engine.
    m_dbResult->clear();
    m_dbResult->setToolTip(QString());
    fitResult(m_dbResult);
    updateEngine();
}

void SettingsDialog::updateEngine()
{
    const bool postgres = m_engine->currentData().toString() != QLatin1String("sqlite");
    for (QWidget *w : std::initializer_list<QWidget *> {m_host, m_port, m_user, m_password})
        w->setEnabled(postgres);
    m_name->setPlaceholderText(postgres ? QStringLiteral("records") : tr("path of the SQLite file"));
}

void SettingsDialog::showResult(QLabel *label, ProbeAnswer::Outcome outcome, const QString &field,
                                const QString &message)
{
    QString text = message;
    for (const auto &[variable, name] : fieldNames())
        text.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(variable)),
                     QStringLiteral("%1 (%2)").arg(name, variable));
    if (!field.isEmpty() && outcome != ProbeAnswer::Outcome::Ok)
        text = tr("%1: %2").arg(field, text);
    QString mark;
    QString colour;
    switch (outcome) {
    case ProbeAnswer::Outcome::Ok:
        mark = QStringLiteral("✔ ");
        colour = QStringLiteral("#1e8e3e");
        break;
    case ProbeAnswer::Outcome::Warning:
        mark = QStringLiteral("⚠ ");
        colour = QStringLiteral("#9a6700");
        break;
    case ProbeAnswer::Outcome::Failed:
        mark = QStringLiteral("✘ ");
        colour = QStringLiteral("#c5221f");
        break;
    case ProbeAnswer::Outcome::NotConfigured:
        // Neutral, as in the status bar: nothing is wrong with a service the operator chose not to use.
        mark = QStringLiteral("– ");
        colour = QStringLiteral("palette(placeholder-text)");
        break;
    }
    label->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    label->setText(mark + text);
    label->setToolTip(text);
    fitResult(label);
}

void SettingsDialog::showConnecting(QLabel *label)
{
    label->setStyleSheet(QString());
    label->setToolTip(QString());
    label->setText(tr("Connecting…"));
    fitResult(label);
}

void SettingsDialog::testDatabase()
{
    showConnecting(m_dbResult);
    m_dbTicket = m_tasks->testConnection(config());
}

void SettingsDialog::testAuth()
{
    showConnecting(m_authResult);
    const QString origin = serviceBaseText(m_auth->text());
    // The "who am I" endpoint of docs/platform.md, section 6: without a token, the auth API answers 401.
    const QString url = origin.isEmpty() ? QString() : origin + QStringLiteral("/auth-api/api/v1/auth/users/me");
    m_http->check(url, {401}, tr("the auth API asks for a sign-in, as it should"), this,
                  [this](const ProbeAnswer &answer) {
                      showResult(m_authResult, answer.outcome, tr("Auth API"), answer.message);
                  });
}

void SettingsDialog::testNotifications()
{
    showConnecting(m_notificationsResult);
    // As the status bar checks it (ServiceMonitor): the two never disagree about the same address.
    m_http->checkNotificationsApi(m_notifications->text(), this, [this](const ProbeAnswer &answer) {
        showResult(m_notificationsResult, answer.outcome, tr("Notifications API"), answer.message);
    });
}

void SettingsDialog::testRedis()
{
    if (m_redisHost->text().trimmed().isEmpty()) {
        showResult(m_redisResult, ProbeAnswer::Outcome::NotConfigured, QString(),
                   tr("Not configured: runs set no \"job is active\" flag."));
        return;
    }
    showConnecting(m_redisResult);
    RedisProbe::ping(m_redisHost->text().trimmed(), m_redisPort->value(), this, [this](const ProbeAnswer &answer) {
        showResult(m_redisResult, answer.outcome, QString(), answer.message);
    });
}

} // namespace fo::ui
