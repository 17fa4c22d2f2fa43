// Switching the language in the settings rebuilds the window in that language: Russian text everywhere the operator
// looks, the email typed carried over, the same session, and the choice kept for the next start. Then back to
// English.

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/history/HistoryPanel.h"
#include "ui/results/OutlierTableModel.h"
#include "ui/results/TypeTableModel.h"
#include "ui/settings/AppSettings.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/MainWindowHost.h"
#include "ui/shell/Translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QValueAxis>

using namespace fo;
using namespace fo::ui;
using namespace fo::test;

class TestUiLanguage : public DesktopTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void switchingToRussianRebuildsTheWindow();
    void switchingBackToEnglish();
    void switchKeepsTheRunAndTheForm();
    void russianWindowClipsNothing();

private:
    MainWindow *switchLanguage(const QString &code);
    static QStringList menuTitles(MainWindow *window);
};

void TestUiLanguage::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_language"));
    FO_RETURN_IF_FAILED();
    m_desktop.useEnvironment(false);
    m_desktop.openHost();
    FO_RETURN_IF_FAILED();
    QCOMPARE(window()->runButton()->text(), QStringLiteral("Run"));
}

void TestUiLanguage::cleanupTestCase()
{
    m_desktop.tearDown();
}

QStringList TestUiLanguage::menuTitles(MainWindow *window)
{
    QStringList titles;
    for (QAction *action : window->menuBar()->actions())
        titles.append(action->text());
    return titles;
}

// Picks the language in Settings → Interface and presses OK, as an operator would; returns the window after.
MainWindow *TestUiLanguage::switchLanguage(const QString &code)
{
    MainWindow *before = window();
    before->showSettings();
    SettingsDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = before->findChild<SettingsDialog *>()) && dialog->isVisible(); }))
        return nullptr;
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    const int index = language ? language->findData(code) : -1;
    if (index < 0)
        return nullptr;
    language->setCurrentIndex(index);
    QSignalSpy rebuilt(m_desktop.host(), &MainWindowHost::windowRebuilt);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    if (!rebuilt.wait(10000))
        return nullptr;
    return window();
}

void TestUiLanguage::switchingToRussianRebuildsTheWindow()
{
    QPointer<MainWindow> english = window();
    english->emailEdit()->setText(QStringLiteral("someone@example.com"));
    QCOMPARE(menuTitles(english),
             (QStringList {QStringLiteral("&File"), QStringLiteral("&Account"), QStringLiteral("&View"),
                           QStringLiteral("&Settings"), QStringLiteral("&Help")}));

    MainWindow *russian = switchLanguage(QStringLiteral("ru"));
    QVERIFY(russian);
    QVERIFY(russian != english);
    QTRY_VERIFY(!english); // the English window is gone
    QVERIFY(QTest::qWaitForWindowExposed(russian));

    // What the operator sees is in Russian.
    QCOMPARE(russian->windowTitle(), QStringLiteral("Поиск выбросов"));
    QCOMPARE(menuTitles(russian),
             (QStringList {QStringLiteral("&Файл"), QStringLiteral("&Учётная запись"), QStringLiteral("&Вид"),
                           QStringLiteral("&Настройки"), QStringLiteral("&Справка")}));
    QCOMPARE(russian->runButton()->text(), QStringLiteral("Запустить"));
    QCOMPARE(russian->cancelButton()->text(), QStringLiteral("Отмена"));
    QCOMPARE(russian->dryRunCheck()->text(), QStringLiteral("Пробный запуск"));
    QCOMPARE(russian->sideTabs()->tabText(0), QStringLiteral("Типы данных"));
    QCOMPARE(russian->sideTabs()->tabText(1), QStringLiteral("История"));
    QCOMPARE(
        russian->outlierModel()->headerData(OutlierTableModel::WhyColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Почему"));
    QTRY_COMPARE(russian->userLabel()->text(), QStringLiteral("Вход не выполнен"));
    QCOMPARE(QLocale().language(), QLocale::Russian);

    // The email typed is still there, the choice is saved, and the session is the same object.
    QCOMPARE(russian->emailEdit()->text(), QStringLiteral("someone@example.com"));
    QCOMPARE(AppSettings().language(), QStringLiteral("ru"));
    QCOMPARE(m_desktop.translations()->current(), QStringLiteral("ru"));
}

void TestUiLanguage::switchingBackToEnglish()
{
    QPointer<MainWindow> russian = window();
    MainWindow *english = switchLanguage(QStringLiteral("en"));
    QVERIFY(english);
    QTRY_VERIFY(!russian);
    QCOMPARE(english->windowTitle(), QStringLiteral("Find outliers"));
    QCOMPARE(english->runButton()->text(), QStringLiteral("Run"));
    QCOMPARE(english->sideTabs()->tabText(0), QStringLiteral("Data types"));
    QTRY_COMPARE(english->userLabel()->text(), QStringLiteral("Not signed in"));
    QCOMPARE(english->emailEdit()->text(), QStringLiteral("someone@example.com"));
    QCOMPARE(AppSettings().language(), QStringLiteral("en"));
}

// A language switch keeps everything the operator has in front of them: the shown run, the selected type, the zoom,
// and every form value; above all "Dry run", so that the next Run does not write and notify (issue 12 item 3).
void TestUiLanguage::switchKeepsTheRunAndTheForm()
{
    MainWindow *english = window();
    QTRY_VERIFY_WITH_TIMEOUT(!english->runConfig().dbPassword.isEmpty(), 10000);
    english->emailEdit()->setText(QString::fromLatin1(demo::Email));
    english->dryRunCheck()->setChecked(true);
    english->notifyCheck()->setChecked(false);
    english->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->setValue(2.5);
    english->findChild<QDoubleSpinBox *>(QStringLiteral("processedThresholdSpin"))->setValue(1.75);
    QSignalSpy finished(english, &MainWindow::runFinished);
    QTest::mouseClick(english->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    const RunReport report = finished.first().first().value<RunReport>();
    QVERIFY2(report.status == RunStatus::DryRun, qPrintable(report.error));

    // The operator looks at a type of their choice, zoomed in.
    const QString type = QStringLiteral("StepsRecord");
    english->selectType(Source::Processed, TypeKey(type));
    QTRY_COMPARE(english->chartView()->chartData().dataType, type);
    english->chartView()->zoomBy(3.0);
    QVERIFY(english->chartView()->isZoomed());
    const std::array<double, 4> zoom = english->chartView()->viewRanges();

    MainWindow *russian = switchLanguage(QStringLiteral("ru"));
    QVERIFY(russian);
    QCOMPARE(russian->runButton()->text(), QStringLiteral("Запустить"));
    QCOMPARE(russian->emailEdit()->text(), QString::fromLatin1(demo::Email));
    QVERIFY(russian->dryRunCheck()->isChecked());
    QVERIFY(!russian->notifyCheck()->isChecked());
    QCOMPARE(russian->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->value(), 2.5);
    QCOMPARE(russian->findChild<QDoubleSpinBox *>(QStringLiteral("processedThresholdSpin"))->value(), 1.75);
    // The same run, the same type, the same zoom.
    QCOMPARE(russian->report().runId, report.runId);
    QCOMPARE(russian->report().status, RunStatus::DryRun);
    QCOMPARE(russian->typeModel()->rowCount(), report.raw.types.size() + report.processed.types.size());
    QTRY_COMPARE(russian->chartView()->chartData().dataType, type);
    QTRY_VERIFY(russian->chartView()->isZoomed());
    const std::array<double, 4> after = russian->chartView()->viewRanges();
    for (int i = 0; i < 4; ++i)
        QVERIFY2(std::abs(after[i] - zoom[i]) <= 1.0, qPrintable(QString::number(i)));
    QCOMPARE(russian->outlierModel()->rowCount(), [&] {
        for (const TypeReport &t : report.processed.types)
            if (t.dataType == type)
                return int(t.outliers.size());
        return -1;
    }());
}

// In Russian, at the default window size, with a run shown: no button or label is narrower than its size hint (a
// word-wrapped label is as tall as its text needs), the type names are whole, and the chart's numbers use the
// locale's decimal comma as the tables do (issue 12 item 10).
void TestUiLanguage::russianWindowClipsNothing()
{
    MainWindow *russian = window();
    QCOMPARE(russian->runButton()->text(), QStringLiteral("Запустить"));
    QVERIFY(russian->report().raw.types.size() > 0);
    russian->resize(1280, 820);
    // The window fits the default size: its minimum is not wider (a row that cannot shrink would widen it).
    QVERIFY2(russian->minimumSizeHint().width() <= 1280,
             qPrintable(QStringLiteral("minimum width %1").arg(russian->minimumSizeHint().width())));
    QTRY_COMPARE(russian->size(), QSize(1280, 820));
    QApplication::processEvents();

    QStringList clipped;
    for (QAbstractButton *button : russian->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(russian) || button->text().isEmpty())
            continue;
        if (button->width() < button->sizeHint().width())
            clipped << QStringLiteral("button “%1”: %2 < %3")
                           .arg(button->text())
                           .arg(button->width())
                           .arg(button->sizeHint().width());
    }
    for (QLabel *label : russian->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(russian) || label->text().isEmpty())
            continue;
        if (label->wordWrap()) {
            if (label->height() < label->heightForWidth(label->width()))
                clipped << QStringLiteral("label “%1”: height %2 < %3")
                               .arg(label->text())
                               .arg(label->height())
                               .arg(label->heightForWidth(label->width()));
        } else if (label->width() < label->sizeHint().width()) {
            clipped << QStringLiteral("label “%1”: %2 < %3")
                           .arg(label->text())
                           .arg(label->width())
                           .arg(label->sizeHint().width());
        }
    }
    QAbstractItemView *types = russian->typeView();
    const int typeColumn = TypeTableModel::TypeColumn;
    const int typeWidth = russian->typeView()->columnWidth(typeColumn);
    if (typeWidth < types->sizeHintForColumn(typeColumn))
        clipped << QStringLiteral("type names: %1 < %2").arg(typeWidth).arg(types->sizeHintForColumn(typeColumn));
    // A toolbar that does not fit hides what is left behind its "»" button.
    for (QToolBar *bar : russian->findChildren<QToolBar *>()) {
        if (!bar->isVisibleTo(russian))
            continue;
        for (QToolButton *extension : bar->findChildren<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
            if (extension->isVisible())
                clipped << QStringLiteral("toolbar with a hidden part");
    }
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));

    // Numbers in the locale's way everywhere: the chart's axes too.
    QChart *chart = russian->chartView()->chart();
    QVERIFY(chart->localizeNumbers());
    QCOMPARE(chart->locale().decimalPoint(), QStringLiteral(","));
}

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
