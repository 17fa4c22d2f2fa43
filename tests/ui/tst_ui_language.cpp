// Switching the language in the settings rebuilds the window in that language: Russian text everywhere the operator
// looks, the email typed carried over, the same session, and the choice kept for the next start. Then back to
// English. In either language, at the default window size, nothing is cut short: not in the window with a run or a
// comparison shown (the chart's legend included), not in the settings or the export dialog (issue 12 item 10).

#include "core/Database.h"
#include "core/DemoSeeder.h"
#include "signin/AuthSession.h"
#include "signin/SecretStore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/account/SignInDialog.h"
#include "ui/chart/ChartLegend.h"
#include "ui/chart/OutlierChartView.h"
#include "ui/export/ExportDialog.h"
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
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
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
    void russianDialogsClipNothing();
    void comparisonClipsNothingInEitherLanguage();

private:
    MainWindow *switchLanguage(const QString &code);
    static QStringList menuTitles(MainWindow *window);
    // What is cut short in `root` as it is shown: buttons and labels narrower than their text (a word-wrapped label
    // lower than it), tabs whose title is elided, toolbars with a hidden part.
    static QStringList clippedWidgets(QWidget *root);
    // The same for the main window at 1280x820, with its types table's columns and the chart's legend.
    static QStringList clippedInWindow(MainWindow *window);
    // Runs for the demo user (written, not dry) with these thresholds; the report (an empty one on failure).
    RunReport runWritten(double rawK);
};

void TestUiLanguage::initTestCase()
{
    m_desktop.createDatabase(QStringLiteral("ui_language"));
    FO_RETURN_IF_FAILED();
    m_desktop.startAuth(); // a comparison needs two written runs, and a written run a signed-in operator
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

// The height a word-wrapped label's text takes at the label's width, as QLabel lays it out (plain text with the font's
// metrics, rich text as a document without margins).
static int wrappedTextHeight(const QLabel *label)
{
    const QRect box = label->contentsRect();
    const bool rich = label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    if (!rich)
        return label->fontMetrics()
            .boundingRect(QRect(0, 0, box.width(), 100000), int(label->alignment()) | Qt::TextWordWrap, label->text())
            .height();
    QTextDocument document;
    document.setDefaultFont(label->font());
    document.setDocumentMargin(0);
    document.setHtml(label->text());
    document.setTextWidth(box.width());
    return int(std::ceil(document.size().height()));
}

QStringList TestUiLanguage::clippedWidgets(QWidget *root)
{
    QStringList clipped;
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        if (button->width() < button->sizeHint().width())
            clipped << QStringLiteral("button “%1”: %2 < %3")
                           .arg(button->text())
                           .arg(button->width())
                           .arg(button->sizeHint().width());
    }
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty())
            continue;
        if (label->wordWrap()) {
            // Measured here: QLabel::heightForWidth() answers within the label's own minimum and maximum, so a label
            // of a fixed height always "fits".
            const int needs = wrappedTextHeight(label);
            if (label->contentsRect().height() < needs)
                clipped << QStringLiteral("label “%1”: height %2 < %3")
                               .arg(label->text())
                               .arg(label->contentsRect().height())
                               .arg(needs);
        } else if (label->width() < label->sizeHint().width()) {
            clipped << QStringLiteral("label “%1”: %2 < %3")
                           .arg(label->text())
                           .arg(label->width())
                           .arg(label->sizeHint().width());
        }
    }
    // A tab bar too narrow for its titles elides them, or hides tabs behind its scroll buttons.
    for (QTabBar *bar : root->findChildren<QTabBar *>()) {
        if (!bar->isVisibleTo(root))
            continue;
        if (bar->width() < bar->sizeHint().width())
            clipped << QStringLiteral("tabs “%1”: %2 < %3")
                           .arg(bar->tabText(0))
                           .arg(bar->width())
                           .arg(bar->sizeHint().width());
    }
    // A toolbar that does not fit hides what is left behind its "»" button.
    for (QToolBar *bar : root->findChildren<QToolBar *>()) {
        if (!bar->isVisibleTo(root))
            continue;
        for (QToolButton *extension : bar->findChildren<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
            if (extension->isVisible())
                clipped << QStringLiteral("toolbar with a hidden part");
    }
    return clipped;
}

QStringList TestUiLanguage::clippedInWindow(MainWindow *window)
{
    window->resize(1280, 820);
    if (!QTest::qWaitFor([window] { return window->size() == QSize(1280, 820); }))
        return {QStringLiteral("the window is %1x%2, not 1280x820").arg(window->width()).arg(window->height())};
    QApplication::processEvents();
    QCoreApplication::sendPostedEvents();

    QStringList clipped = clippedWidgets(window);
    // The type names are whole, and so are the column titles of the types table.
    QTableView *types = window->typeView();
    const int typeColumn = TypeTableModel::TypeColumn;
    const int typeWidth = types->columnWidth(typeColumn);
    const int typeNeeds = static_cast<QAbstractItemView *>(types)->sizeHintForColumn(typeColumn);
    if (typeWidth < typeNeeds)
        clipped << QStringLiteral("type names: %1 < %2").arg(typeWidth).arg(typeNeeds);
    QHeaderView *header = types->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (types->isColumnHidden(column))
            continue;
        const int needs = header->sectionSizeHint(column);
        if (header->sectionSize(column) < needs)
            clipped << QStringLiteral("types column “%1”: %2 < %3")
                           .arg(types->model()->headerData(column, Qt::Horizontal).toString())
                           .arg(header->sectionSize(column))
                           .arg(needs);
    }

    // The chart's legend: every entry whole (its sample and its whole label), inside the chart as shown, on no
    // other entry and off the plot.
    OutlierChartView *view = window->chartView();
    if (view->isVisibleTo(window) && !view->chartData().dataType.isEmpty()) {
        const ChartLegend *legend = view->legend();
        const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
        const QRectF plot = view->chart()->mapRectToScene(view->chart()->plotArea());
        const QList<ChartLegend::Entry> &entries = legend->entries();
        if (entries.isEmpty() || legend->entryRects().size() != entries.size())
            clipped << QStringLiteral("the legend has %1 entries, laid out %2")
                           .arg(entries.size())
                           .arg(legend->entryRects().size());
        QList<QRectF> placed;
        for (int i = 0; i < entries.size() && i < legend->entryRects().size(); ++i) {
            const QRectF r = legend->mapRectToScene(legend->entryRects().at(i));
            const QString where = QStringLiteral("legend “%1” at (%2, %3, %4×%5)")
                                      .arg(entries[i].text)
                                      .arg(r.x())
                                      .arg(r.y())
                                      .arg(r.width())
                                      .arg(r.height());
            if (!shown.contains(r))
                clipped << where
                        + QStringLiteral(": outside the chart shown (%1×%2)").arg(shown.width()).arg(shown.height());
            if (r.width() < legend->entryWidth(i))
                clipped << where + QStringLiteral(": narrower than its label needs (%1)").arg(legend->entryWidth(i));
            if (r.intersects(plot))
                clipped << where + QStringLiteral(": over the plot");
            for (const QRectF &other : std::as_const(placed))
                if (r.intersects(other))
                    clipped << where + QStringLiteral(": over another entry");
            placed << r;
        }
    }
    return clipped;
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
    const QStringList clipped = clippedInWindow(russian);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));

    // Numbers in the locale's way everywhere: the chart's axes too.
    QChart *chart = russian->chartView()->chart();
    QVERIFY(chart->localizeNumbers());
    QCOMPARE(chart->locale().decimalPoint(), QStringLiteral(","));
}

// The settings (each tab, with the answers of its Test buttons shown) and the export dialog, in Russian: the result
// lines were sized for English answers.
void TestUiLanguage::russianDialogsClipNothing()
{
    MainWindow *russian = window();
    QCOMPARE(russian->runButton()->text(), QStringLiteral("Запустить"));
    russian->showSettings();
    QPointer<SettingsDialog> settings;
    QTRY_VERIFY((settings = russian->findChild<SettingsDialog *>()) && settings->isVisible());
    // The longest answers: refusals, each with its advice. Nothing listens on that port; the database's name is as
    // long as PostgreSQL allows (63 bytes), its user's a long one too: the refusal, which names both, takes 7 lines.
    const quint16 closed = closedPort();
    settings->findChild<QSpinBox *>(QStringLiteral("dbPortSpin"))->setValue(closed);
    settings->findChild<QLineEdit *>(QStringLiteral("dbNameEdit"))
        ->setText(QStringLiteral("health_records_replica_eu_west_1_reporting_quarterly_2026_q1_ro"));
    settings->findChild<QLineEdit *>(QStringLiteral("dbUserEdit"))
        ->setText(QStringLiteral("support_readonly_reporting"));
    const QString nowhere = QStringLiteral("http://127.0.0.1:%1/some/longer/path/of/the/api").arg(closed);
    settings->findChild<QLineEdit *>(QStringLiteral("authUrlEdit"))->setText(nowhere);
    settings->findChild<QLineEdit *>(QStringLiteral("notificationsUrlEdit"))->setText(nowhere);
    settings->findChild<QLineEdit *>(QStringLiteral("redisHostEdit"))->setText(QStringLiteral("127.0.0.1"));
    settings->findChild<QSpinBox *>(QStringLiteral("redisPortSpin"))->setValue(closed);
    auto *tabs = settings->findChild<QTabWidget *>();
    QVERIFY(tabs);
    const QList<std::pair<const char *, const char *>> tests = {{"testDatabaseButton", "dbTestResult"},
                                                                {"testAuthButton", "authTestResult"},
                                                                {"testNotificationsButton", "notificationsTestResult"},
                                                                {"testRedisButton", "redisTestResult"}};
    for (const auto &[button, result] : tests) {
        auto *label = settings->findChild<QLabel *>(QString::fromLatin1(result));
        QVERIFY(label);
        QTest::mouseClick(settings->findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QStringLiteral("✘")), 20000);
    }
    QStringList clipped;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QApplication::processEvents();
        for (const QString &what : clippedWidgets(settings))
            clipped << QStringLiteral("settings, “%1”: %2").arg(tabs->tabText(tab), what);
    }
    settings->reject();
    QTRY_VERIFY(!settings);

    QAction *exportAction = russian->findChild<QAction *>(QStringLiteral("exportCsvAction"));
    QVERIFY(exportAction->isEnabled());
    exportAction->trigger();
    QPointer<ExportDialog> exportDialog;
    QTRY_VERIFY((exportDialog = russian->findChild<ExportDialog *>()) && exportDialog->isVisible());
    QApplication::processEvents();
    for (const QString &what : clippedWidgets(exportDialog))
        clipped << QStringLiteral("export: %1").arg(what);
    exportDialog->reject();
    QTRY_VERIFY(!exportDialog);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
}

RunReport TestUiLanguage::runWritten(double rawK)
{
    window()->emailEdit()->setText(QString::fromLatin1(demo::Email));
    window()->dryRunCheck()->setChecked(false);
    window()->notifyCheck()->setChecked(false);
    window()->findChild<QDoubleSpinBox *>(QStringLiteral("rawThresholdSpin"))->setValue(rawK);
    QSignalSpy finished(window(), &MainWindow::runFinished);
    QTest::mouseClick(window()->runButton(), Qt::LeftButton);
    if (!finished.wait(120000))
        return RunReport();
    return finished.first().first().value<RunReport>();
}

// A comparison (new and persisting outliers, the band, the envelope of a zoomed-out chart: the longest legend),
// at the default size, in English and in Russian.
void TestUiLanguage::comparisonClipsNothingInEitherLanguage()
{
    MainWindow *english = switchLanguage(QStringLiteral("en"));
    QVERIFY(english);
    QCOMPARE(english->runButton()->text(), QStringLiteral("Run"));
    QTRY_VERIFY_WITH_TIMEOUT(!english->runConfig().dbPassword.isEmpty(), 10000);
    english->showSignIn();
    signInFromDialog(english, session());
    FO_RETURN_IF_FAILED();
    QTRY_VERIFY(!english->findChild<SignInDialog *>() || !english->findChild<SignInDialog *>()->isVisible());

    // Two written runs, the second with a lower raw threshold: some outliers new, some persisting.
    const RunReport first = runWritten(3.0);
    QCOMPARE(first.status, RunStatus::Completed);
    const RunReport second = runWritten(2.0);
    QCOMPARE(second.status, RunStatus::Completed);
    HistoryPanel *history = english->historyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->iterationCount() >= 2 && history->iterationAt(0) == second.iteration, 20000);
    QSignalSpy shown(english, &MainWindow::comparisonShown);
    history->selectIteration(second.iteration);
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("openIterationButton")), Qt::LeftButton);
    QVERIFY(shown.wait(30000));
    QVERIFY(english->isComparing());
    english->selectType(Source::Raw, TypeKey(QStringLiteral("HeartRateRecord")));
    OutlierChartView *view = english->chartView();
    QTRY_VERIFY_WITH_TIMEOUT(view->chartData().dataType == QStringLiteral("HeartRateRecord")
                                 && view->persistingSeries()->count() > 0 && view->outlierSeries()->count() > 0,
                             20000);
    view->resetZoom();
    // The whole 90 days at this width: the envelope, whose "Range per pixel (min–max)" made the legend the longest.
    QTRY_VERIFY(view->isEnveloped());
    QStringList texts;
    for (const ChartLegend::Entry &entry : view->legend()->entries())
        texts << entry.text;
    for (const QString &expected : {QStringLiteral("Band: mean ± k·std"), QStringLiteral("Range per pixel (min–max)"),
                                    QStringLiteral("New outliers"), QStringLiteral("Persisting outliers")})
        QVERIFY2(texts.contains(expected), qPrintable(texts.join(QStringLiteral(", "))));
    QStringList clipped = clippedInWindow(english);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));

    // The same comparison in Russian (the switch keeps it).
    MainWindow *russian = switchLanguage(QStringLiteral("ru"));
    QVERIFY(russian);
    QVERIFY(russian->isComparing());
    QTRY_VERIFY2_WITH_TIMEOUT(russian->chartView()->chartData().dataType == QStringLiteral("HeartRateRecord")
                                  && russian->chartView()->isEnveloped(),
                              qPrintable(QStringLiteral("type %1, enveloped %2, visible %3, %4 wide")
                                             .arg(russian->chartView()->chartData().dataType)
                                             .arg(russian->chartView()->isEnveloped())
                                             .arg(russian->chartView()->isVisible())
                                             .arg(russian->chartView()->width())),
                              20000);
    QVERIFY(russian->chartView()->legend()->entries().size() >= texts.size());
    clipped = clippedInWindow(russian);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("\n"))));
}

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
