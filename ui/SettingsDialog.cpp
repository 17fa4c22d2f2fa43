#include "SettingsDialog.h"

#include "BackgroundTasks.h"
#include "QueryWorker.h"
#include "ServiceProbe.h"
#include "Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fo::ui {

namespace {

QLabel *resultLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
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

SettingsDialog::SettingsDialog(BackgroundTasks *tasks, ServiceProbe *probe, QWidget *parent)
    : QDialog(parent),
      m_tasks(tasks),
      m_probe(probe),
      m_engine(new QComboBox(this)),
      m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)),
      m_name(new QLineEdit(this)),
      m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_dbResult(resultLabel(this)),
      m_auth(new QLineEdit(this)),
      m_authResult(resultLabel(this)),
      m_notifications(new QLineEdit(this)),
      m_notificationsResult(resultLabel(this)),
      m_dataCollection(new QLineEdit(this)),
      m_dataCollectionResult(resultLabel(this)),
      m_redisHost(new QLineEdit(this)),
      m_redisPort(new QSpinBox(this)),
      m_redisResult(resultLabel(this)),
      m_rawK(new QDoubleSpinBox(this)),
      m_processedK(new QDoubleSpinBox(this)),
      m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(560);

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
    m_dataCollection->setObjectName(QStringLiteral("dataCollectionUrlEdit"));
    m_dataCollectionResult->setObjectName(QStringLiteral("dataCollectionTestResult"));
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
    auto *dataCollectionTest = new QPushButton(tr("Test connection"), servicesPage);
    auto *redisTest = new QPushButton(tr("Test connection"), servicesPage);
    authTest->setObjectName(QStringLiteral("testAuthButton"));
    notificationsTest->setObjectName(QStringLiteral("testNotificationsButton"));
    dataCollectionTest->setObjectName(QStringLiteral("testDataCollectionButton"));
    redisTest->setObjectName(QStringLiteral("testRedisButton"));
    servicesForm->addRow(tr("Auth API:"), withButton(m_auth, authTest, servicesPage));
    servicesForm->addRow(QString(), m_authResult);
    servicesForm->addRow(tr("Notifications API:"), withButton(m_notifications, notificationsTest, servicesPage));
    servicesForm->addRow(QString(), m_notificationsResult);
    servicesForm->addRow(tr("Data collection API:"), withButton(m_dataCollection, dataCollectionTest, servicesPage));
    servicesForm->addRow(QString(), m_dataCollectionResult);
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
    connect(dataCollectionTest, &QPushButton::clicked, this, &SettingsDialog::testDataCollection);
    connect(redisTest, &QPushButton::clicked, this, &SettingsDialog::testRedis);
    connect(m_engine, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEngine);
    connect(m_tasks->queryWorker(), &QueryWorker::connectionTested, this,
            [this](bool ok, const QString &message, quint64 ticket) {
                if (ticket == m_dbTicket)
                    showResult(m_dbResult, ok, message);
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
    m_dataCollection->setText(config.dataCollectionApiBaseUrl);
    m_redisHost->setText(config.redisHost);
    m_redisPort->setValue(config.redisPort);
    m_rawK->setValue(config.rawThreshold);
    m_processedK->setValue(config.processedThreshold);
    const int languageIndex = m_language->findData(language);
    m_language->setCurrentIndex(languageIndex < 0 ? 0 : languageIndex);
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
    c.dataCollectionApiBaseUrl = m_dataCollection->text().trimmed();
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

void SettingsDialog::updateEngine()
{
    const bool postgres = m_engine->currentData().toString() != QLatin1String("sqlite");
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_user, m_password})
        w->setEnabled(postgres);
    m_name->setPlaceholderText(postgres ? QStringLiteral("records") : tr("path of the SQLite file"));
}

void SettingsDialog::showResult(QLabel *label, bool ok, const QString &message)
{
    label->setStyleSheet(ok ? QStringLiteral("color: #1e8e3e;") : QStringLiteral("color: #c5221f;"));
    label->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + message);
}

void SettingsDialog::testDatabase()
{
    m_dbResult->setStyleSheet(QString());
    m_dbResult->setText(tr("Connecting…"));
    m_dbTicket = m_tasks->testConnection(config());
}

void SettingsDialog::testAuth()
{
    m_authResult->setText(tr("Connecting…"));
    QString origin = m_auth->text().trimmed();
    while (origin.endsWith(QLatin1Char('/')))
        origin.chop(1);
    m_probe->probeHttp(origin + QStringLiteral("/auth-api/api/v1/auth/users/me"), this,
                       [this](bool ok, const QString &message) { showResult(m_authResult, ok, message); });
}

void SettingsDialog::testNotifications()
{
    m_notificationsResult->setText(tr("Connecting…"));
    m_probe->probeHttp(m_notifications->text(), this,
                       [this](bool ok, const QString &message) { showResult(m_notificationsResult, ok, message); });
}

void SettingsDialog::testDataCollection()
{
    m_dataCollectionResult->setText(tr("Connecting…"));
    m_probe->probeHttp(m_dataCollection->text(), this,
                       [this](bool ok, const QString &message) { showResult(m_dataCollectionResult, ok, message); });
}

void SettingsDialog::testRedis()
{
    m_redisResult->setText(tr("Connecting…"));
    m_probe->probeRedis(m_redisHost->text().trimmed(), m_redisPort->value(), this,
                        [this](bool ok, const QString &message) { showResult(m_redisResult, ok, message); });
}

} // namespace fo::ui
