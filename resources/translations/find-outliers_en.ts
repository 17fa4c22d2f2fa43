<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fo::AuthSession</name>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="74"/>
        <source>%1 failed: the auth API at %2 answered HTTP %3.</source>
        <translation>%1 failed: the auth API at %2 answered HTTP %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../signin/AuthSession.cpp" line="76"/>
        <source>%1 failed: the auth API at %2 did not answer within %n second(s). Check the address in the settings and that the service is running.</source>
        <translation>
            <numerusform>%1 failed: the auth API at %2 did not answer within %n second. Check the address in the settings and that the service is running.</numerusform>
            <numerusform>%1 failed: the auth API at %2 did not answer within %n seconds. Check the address in the settings and that the service is running.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="79"/>
        <source>%1 failed: cannot reach the auth API at %2 (%3). Check the address in the settings and your network.</source>
        <translation>%1 failed: cannot reach the auth API at %2 (%3). Check the address in the settings and your network.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="87"/>
        <source>Enter a test-account login.</source>
        <translation>Enter a test-account login.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="93"/>
        <source>The auth API address “%1” is not a valid http(s) URL.</source>
        <translation>The auth API address “%1” is not a valid http(s) URL.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="110"/>
        <source>The auth API does not know the test-account login “%1”. Check the login and try again.</source>
        <translation>The auth API does not know the test-account login “%1”. Check the login and try again.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="115"/>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="128"/>
        <source>The auth API at %1 answered without an access token.</source>
        <translation>The auth API at %1 answered without an access token.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="170"/>
        <source>The auth API at %1 no longer accepts this session. Sign in again.</source>
        <translation>The auth API at %1 no longer accepts this session. Sign in again.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="174"/>
        <source>Reading the signed-in user</source>
        <translation>Reading the signed-in user</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="185"/>
        <source>The auth API at %1 answered users/me without an email.</source>
        <translation>The auth API at %1 answered users/me without an email.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="200"/>
        <source>The session has expired and there is no refresh token. Sign in again.</source>
        <translation>The session has expired and there is no refresh token. Sign in again.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="219"/>
        <source>The session has expired. Sign in again.</source>
        <translation>The session has expired. Sign in again.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="223"/>
        <source>Renewing the session</source>
        <translation>Renewing the session</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="229"/>
        <source>The auth API at %1 answered the refresh without an access token.</source>
        <translation>The auth API at %1 answered the refresh without an access token.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartPanel</name>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="22"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="23"/>
        <source>Zoom in (+, the wheel, or drag a rectangle)</source>
        <translation>Zoom in (+, the wheel, or drag a rectangle)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="24"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="25"/>
        <source>Zoom out (−, or the wheel)</source>
        <translation>Zoom out (−, or the wheel)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="26"/>
        <source>Reset zoom</source>
        <translation>Reset zoom</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="28"/>
        <source>Show everything (Home)</source>
        <translation>Show everything (Home)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="31"/>
        <source>Drag to zoom · wheel to zoom · Shift+drag or middle button to pan</source>
        <translation>Drag to zoom · wheel to zoom · Shift+drag or middle button to pan</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>90 days</source>
        <translation>90 days</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="36"/>
        <source>Show the last %1 days of the data</source>
        <translation>Show the last %1 days of the data</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="36"/>
        <source>Show everything</source>
        <translation>Show everything</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="38"/>
        <source>Drag to zoom · wheel to zoom · Shift+drag or middle button to pan · double-click shows everything</source>
        <translation>Drag to zoom · wheel to zoom · Shift+drag or middle button to pan · double-click shows everything</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="35"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="39"/>
        <source>Times in UTC, as stored; off: in this computer&apos;s local time</source>
        <translation>Times in UTC, as stored; off: in this computer&apos;s local time</translation>
    </message>
</context>
<context>
    <name>fo::ui::ExportActions</name>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="17"/>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="17"/>
        <source>Save chart as &amp;PNG…</source>
        <translation>Save chart as &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="31"/>
        <source>The CSV export failed: %1</source>
        <translation>The CSV export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="59"/>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="69"/>
        <source>Save chart as PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="69"/>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="76"/>
        <source>Saved the chart to %1.</source>
        <translation>Saved the chart to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="78"/>
        <source>Cannot write the image %1. Choose another folder.</source>
        <translation>Cannot write the image %1. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ExportDialog</name>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="20"/>
        <source>&amp;Outliers only (one row per outlier)</source>
        <translation>&amp;Outliers only (one row per outlier)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="21"/>
        <source>&amp;All points (every numeric value, with an is_outlier column)</source>
        <translation>&amp;All points (every numeric value, with an is_outlier column)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="25"/>
        <location filename="../../ui/ExportDialog.cpp" line="117"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="31"/>
        <source>Columns: email, iteration, source (raw or processed), data type, record id, time (UTC), value, z, mean, std, k and unit; when two iterations are compared, also whether each outlier is new or persisting.</source>
        <translation>Columns: email, iteration, source (raw or processed), data type, record id, time (UTC), value, z, mean, std, k and unit; when two iterations are compared, also whether each outlier is new or persisting.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="38"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="44"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="48"/>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="117"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="136"/>
        <source>Replace the file?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="137"/>
        <source>%1 already exists.</source>
        <translation>%1 already exists.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="141"/>
        <source>Replace it with this export, or go back and choose another name.</source>
        <translation>Replace it with this export, or go back and choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="142"/>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="144"/>
        <source>Choose another name</source>
        <translation>Choose another name</translation>
    </message>
</context>
<context>
    <name>fo::ui::HistoryController</name>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="21"/>
        <source>Cannot read the stored iterations: %1</source>
        <translation>Cannot read the stored iterations: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="38"/>
        <source>Cannot open the iteration: %1</source>
        <translation>Cannot open the iteration: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="43"/>
        <source>The previous iteration could not be loaded for the comparison: %1</source>
        <translation>The previous iteration could not be loaded for the comparison: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="59"/>
        <source>Reading the stored iterations of %1…</source>
        <translation>Reading the stored iterations of %1…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="40"/>
        <source>Reading iteration #%1 and #%2, the one before…</source>
        <translation>Reading iteration #%1 and #%2, the one before…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="43"/>
        <source>Reading iteration #%1…</source>
        <translation>Reading iteration #%1…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="48"/>
        <source>Reading the outliers and the values to chart: %1 of about %2 rows</source>
        <translation>Reading the outliers and the values to chart: %1 of about %2 rows</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="54"/>
        <source>Comparing…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="59"/>
        <source>Reading every value of the type shown first: %1 rows</source>
        <translation>Reading every value of the type shown first: %1 rows</translation>
    </message>
</context>
<context>
    <name>fo::ui::HistoryPanel</name>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="33"/>
        <source>Open and compare</source>
        <translation>Open and compare</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="34"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="49"/>
        <source>Show this iteration compared with the one before it</source>
        <translation>Show this iteration compared with the one before it</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="68"/>
        <source>Outliers per iteration</source>
        <translation>Outliers per iteration</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="89"/>
        <source>Enter a user&apos;s email to see their stored iterations.</source>
        <translation>Enter a user&apos;s email to see their stored iterations.</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <location filename="../../ui/HistoryPanel.cpp" line="157"/>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <location filename="../../ui/HistoryPanel.cpp" line="159"/>
        <source>Processed</source>
        <translation>Processed</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>Started by</source>
        <translation>Started by</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>k raw / processed</source>
        <translation>k raw / processed</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="105"/>
        <source>The thresholds the iteration was computed with: compare iterations with care when they differ</source>
        <translation>The thresholds the iteration was computed with: compare iterations with care when they differ</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="123"/>
        <source>%1 / %2 (old job)</source>
        <translation>%1 / %2 (old job)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="129"/>
        <source>old job</source>
        <translation>old job</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="131"/>
        <source>scheduled (headless)</source>
        <translation>scheduled (headless)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="138"/>
        <source>No stored iterations for %1 yet.</source>
        <translation>No stored iterations for %1 yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/HistoryPanel.cpp" line="139"/>
        <source>%n stored iteration(s) for %1. Double-click one to compare it with the one before.</source>
        <translation>
            <numerusform>%n stored iteration for %1. Double-click one to compare it with the one before.</numerusform>
            <numerusform>%n stored iterations for %1. Double-click one to compare it with the one before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::ui::MainWindow</name>
    <message>
        <location filename="../../ui/DesktopMain.cpp" line="28"/>
        <location filename="../../ui/MainWindow.cpp" line="46"/>
        <location filename="../../ui/MainWindowHost.cpp" line="59"/>
        <source>Find outliers</source>
        <translation>Find outliers</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="101"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="105"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="108"/>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="109"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Sign in…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="110"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="112"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="113"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Reset zoom</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="115"/>
        <source>Check &amp;services</source>
        <translation>Check &amp;services</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="117"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="118"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="121"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="122"/>
        <source>&amp;How outliers are found</source>
        <translation>&amp;How outliers are found</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="123"/>
        <source>How outliers are found</source>
        <translation>How outliers are found</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="128"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="132"/>
        <source>&amp;About Find outliers</source>
        <translation>&amp;About Find outliers</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="133"/>
        <source>About Find outliers</source>
        <translation>About Find outliers</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="134"/>
        <source>&lt;h3&gt;Find outliers %1&lt;/h3&gt;&lt;p&gt;Flags z-score outliers in a person&apos;s health records and records what it found, exactly as the platform&apos;s job does.&lt;/p&gt;&lt;p&gt;A value is an outlier when |z| = |value − mean| / std &gt; k, per data type.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Find outliers %1&lt;/h3&gt;&lt;p&gt;Flags z-score outliers in a person&apos;s health records and records what it found, exactly as the platform&apos;s job does.&lt;/p&gt;&lt;p&gt;A value is an outlier when |z| = |value − mean| / std &gt; k, per data type.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="222"/>
        <source>&lt;b&gt;The system keychain is not available&lt;/b&gt; (%1). Your sign-in and the database password are kept in memory for this session only; you will have to enter them again next time.</source>
        <translation>&lt;b&gt;The system keychain is not available&lt;/b&gt; (%1). Your sign-in and the database password are kept in memory for this session only; you will have to enter them again next time.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="365"/>
        <source>“%1” is not a valid email address. Correct it and press Run again.</source>
        <translation>“%1” is not a valid email address. Correct it and press Run again.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="378"/>
        <source>Sign in to run: the run is recorded under your name. (A dry run needs no sign-in.)</source>
        <translation>Sign in to run: the run is recorded under your name. (A dry run needs no sign-in.)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="398"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="408"/>
        <source>No records for this user</source>
        <translation>No records for this user</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="409"/>
        <source>The database has no records for %1.</source>
        <translation>The database has no records for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="413"/>
        <source>A run finds nothing to check, but still stores an empty iteration under your name. Check the address first, or run anyway.</source>
        <translation>A run finds nothing to check, but still stores an empty iteration under your name. Check the address first, or run anyway.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="415"/>
        <source>Notify the user of this run</source>
        <translation>Notify the user of this run</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="419"/>
        <source>Run anyway</source>
        <translation>Run anyway</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="437"/>
        <source>A run is in progress</source>
        <translation>A run is in progress</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="438"/>
        <source>The run for %1 has not finished.</source>
        <translation>The run for %1 has not finished.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="442"/>
        <source>Cancel it and quit: nothing of it is written, the user is told that the analysis did not complete, and the run flag goes back to &quot;false&quot; before the window closes. Or keep running and close the window later.</source>
        <translation>Cancel it and quit: nothing of it is written, the user is told that the analysis did not complete, and the run flag goes back to &quot;false&quot; before the window closes. Or keep running and close the window later.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="445"/>
        <source>Cancel the run and quit</source>
        <translation>Cancel the run and quit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="447"/>
        <source>Keep running</source>
        <translation>Keep running</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="476"/>
        <source>Cancelling… nothing will be written.</source>
        <translation>Cancelling… nothing will be written.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="498"/>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="516"/>
        <source>The run failed and nothing was written: %1</source>
        <translation>The run failed and nothing was written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="519"/>
        <source>The run was cancelled: nothing was written and the run flag is back to &quot;false&quot;.</source>
        <translation>The run was cancelled: nothing was written and the run flag is back to &quot;false&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="526"/>
        <source>The run finished with warnings:</source>
        <translation>The run finished with warnings:</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="569"/>
        <source>Opening iteration #%1 of %2…</source>
        <translation>Opening iteration #%1 of %2…</translation>
    </message>
</context>
<context>
    <name>fo::ui::MainWindowHost</name>
    <message>
        <location filename="../../ui/MainWindowHost.cpp" line="46"/>
        <source>The language changes when the run has finished.</source>
        <translation>The language changes when the run has finished.</translation>
    </message>
</context>
<context>
    <name>fo::ui::OutlierChartView</name>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="70"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="72"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="81"/>
        <source>Band: mean ± k·std</source>
        <translation>Band: mean ± k·std</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="89"/>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="94"/>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="99"/>
        <location filename="../../ui/OutlierChartView.cpp" line="167"/>
        <source>Outliers (|z| &gt; k)</source>
        <translation>Outliers (|z| &gt; k)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="100"/>
        <source>Persisting outliers</source>
        <translation>Persisting outliers</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="101"/>
        <source>Resolved outliers</source>
        <translation>Resolved outliers</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="102"/>
        <source>Selected</source>
        <translation>Selected</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="129"/>
        <source>Select a data type to see its chart</source>
        <translation>Select a data type to see its chart</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="167"/>
        <source>New outliers</source>
        <translation>New outliers</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="210"/>
        <source>raw records</source>
        <translation>raw records</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="210"/>
        <source>processed records</source>
        <translation>processed records</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="211"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="213"/>
        <source>mean %1, std %2, k = %3</source>
        <translation>mean %1, std %2, k = %3</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="487"/>
        <source>&lt;b&gt;%1 UTC&lt;/b&gt;&lt;br&gt;Value: %2&lt;br&gt;z: %3</source>
        <translation>&lt;b&gt;%1 UTC&lt;/b&gt;&lt;br&gt;Value: %2&lt;br&gt;z: %3</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="490"/>
        <source>&lt;span style=&apos;color:#d93025&apos;&gt;Outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d93025&apos;&gt;Outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="494"/>
        <source>&lt;span style=&apos;color:#d93025&apos;&gt;New outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d93025&apos;&gt;New outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="498"/>
        <source>&lt;span style=&apos;color:#0072b2&apos;&gt;Persisting outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#0072b2&apos;&gt;Persisting outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="502"/>
        <source>Resolved: an outlier in the previous iteration only</source>
        <translation>Resolved: an outlier in the previous iteration only</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="507"/>
        <source>Record #%1</source>
        <translation>Record #%1</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="153"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="75"/>
        <source>Time (%1)</source>
        <translation>Time (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="99"/>
        <source>Range per pixel (min–max)</source>
        <translation>Range per pixel (min–max)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="433"/>
        <source>Mean per pixel</source>
        <translation>Mean per pixel</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="671"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3&lt;br&gt;z: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3&lt;br&gt;z: %4</translation>
    </message>
</context>
<context>
    <name>fo::ui::OutlierTableModel</name>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="99"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="101"/>
        <source>persisting</source>
        <translation>persisting</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="103"/>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="105"/>
        <source>outlier</source>
        <translation>outlier</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="166"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="166"/>
        <source>processed</source>
        <translation>processed</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="177"/>
        <source>z unknown (stored by the old job)</source>
        <translation>z unknown (stored by the old job)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="179"/>
        <source>was |z| %1 &gt; %2</source>
        <translation>was |z| %1 &gt; %2</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="180"/>
        <source>|z| %1 &gt; k %2  (%3× k)</source>
        <translation>|z| %1 &gt; k %2  (%3× k)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="221"/>
        <source>z = (value − mean) / std = (%1 − %2) / %3 = %4; a point is an outlier when |z| &gt; k = %5</source>
        <translation>z = (value − mean) / std = (%1 − %2) / %3 = %4; a point is an outlier when |z| &gt; k = %5</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="236"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="238"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="240"/>
        <source>Data type</source>
        <translation>Data type</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="242"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="244"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="246"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="248"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="250"/>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="252"/>
        <source>Std</source>
        <translation>Std</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="254"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="256"/>
        <source>Record id</source>
        <translation>Record id</translation>
    </message>
</context>
<context>
    <name>fo::ui::QueryWorker</name>
    <message>
        <location filename="../../ui/QueryWorker.cpp" line="213"/>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
</context>
<context>
    <name>fo::DatabaseProbe</name>
    <message>
        <location filename="../../core/DatabaseProbe.cpp" line="171"/>
        <source>Running a test query</source>
        <translation>Running a test query</translation>
    </message>
    <message>
        <location filename="../../core/DatabaseProbe.cpp" line="174"/>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ResultsPanel</name>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="74"/>
        <source>Data types</source>
        <translation>Data types</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="76"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="104"/>
        <source>Cannot load the values of %1: %2</source>
        <translation>Cannot load the values of %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="128"/>
        <source>Outliers</source>
        <translation>Outliers</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="237"/>
        <source>No numeric values for this user</source>
        <translation>No numeric values for this user</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="270"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="270"/>
        <source>processed</source>
        <translation>processed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ResultsPanel.cpp" line="272"/>
        <source>Outliers of %1 (%2): %n row(s)</source>
        <translation>
            <numerusform>Outliers of %1 (%2): %n row</numerusform>
            <numerusform>Outliers of %1 (%2): %n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="288"/>
        <source>Loading the values of %1…</source>
        <translation>Loading the values of %1…</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="89"/>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="101"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="167"/>
        <source>Only those in the chart&apos;s range</source>
        <translation>Only those in the chart&apos;s range</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="169"/>
        <source>List only the outliers in the time range the chart shows; it follows zoom and pan.</source>
        <translation>List only the outliers in the time range the chart shows; it follows zoom and pan.</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="327"/>
        <source>%1: no numeric values</source>
        <translation>%1: no numeric values</translation>
    </message>
</context>
<context>
    <name>fo::ui::RunControls</name>
    <message>
        <location filename="../../ui/RunControls.cpp" line="23"/>
        <source>Notify the user</source>
        <translation>Notify the user</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="23"/>
        <source>Dry run</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="24"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="25"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="31"/>
        <source>user@example.com</source>
        <translation>user@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="47"/>
        <source>Raw records: a value is an outlier when |z| &gt; k</source>
        <translation>Raw records: a value is an outlier when |z| &gt; k</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="48"/>
        <source>Processed (daily) records: a value is an outlier when |z| &gt; k</source>
        <translation>Processed (daily) records: a value is an outlier when |z| &gt; k</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="52"/>
        <source>Send the start and completion messages to the user, as the platform&apos;s job does</source>
        <translation>Send the start and completion messages to the user, as the platform&apos;s job does</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="54"/>
        <source>Compute and show the outliers; write nothing, set no flag, send no message</source>
        <translation>Compute and show the outliers; write nothing, set no flag, send no message</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="69"/>
        <source>User &amp;email:</source>
        <translation>User &amp;email:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="77"/>
        <source>Raw k:</source>
        <translation>Raw k:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="80"/>
        <source>Processed k:</source>
        <translation>Processed k:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="212"/>
        <source>Enter the email of the user whose records you want to check.</source>
        <translation>Enter the email of the user whose records you want to check.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="215"/>
        <source>“%1” is not a valid email address.</source>
        <translation>“%1” is not a valid email address.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="218"/>
        <source>✔ Valid address, but the database has no records for it.</source>
        <translation>✔ Valid address, but the database has no records for it.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="221"/>
        <source>✔ Valid address.</source>
        <translation>✔ Valid address.</translation>
    </message>
</context>
<context>
    <name>fo::ui::RunSummaryRow</name>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="18"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="35"/>
        <source>Enter a user&apos;s email and press Run, or open a stored iteration under History.</source>
        <translation>Enter a user&apos;s email and press Run, or open a stored iteration under History.</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="152"/>
        <source>Reading raw records: %1 of %2 rows (%3%)</source>
        <translation>Reading raw records: %1 of %2 rows (%3%)</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="153"/>
        <source>Reading processed records: %1 of %2 rows (%3%)</source>
        <translation>Reading processed records: %1 of %2 rows (%3%)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSummaryRow.cpp" line="156"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSummaryRow.cpp" line="158"/>
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="182"/>
        <source>Connecting to the database…</source>
        <translation>Connecting to the database…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="184"/>
        <source>Waiting for other runs for this user…</source>
        <translation>Waiting for other runs for this user…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="186"/>
        <source>Setting the run flag…</source>
        <translation>Setting the run flag…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="188"/>
        <source>Notifying the user of the start…</source>
        <translation>Notifying the user of the start…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="190"/>
        <source>Reading raw records: %1 rows</source>
        <translation>Reading raw records: %1 rows</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="192"/>
        <source>Reading processed records: %1 rows</source>
        <translation>Reading processed records: %1 rows</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="194"/>
        <source>Detecting outliers…</source>
        <translation>Detecting outliers…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="196"/>
        <source>Writing: %1 outliers</source>
        <translation>Writing: %1 outliers</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="198"/>
        <source>Notifying the user of the result…</source>
        <translation>Notifying the user of the result…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="200"/>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="211"/>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="214"/>
        <source>dry run, nothing written</source>
        <translation>dry run, nothing written</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="217"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="220"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="226"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · dry run at %2 UTC</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · dry run at %2 UTC</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="228"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · iteration #%2 · %3 UTC · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · iteration #%2 · %3 UTC · %4</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="237"/>
        <location filename="../../ui/RunSummaryRow.cpp" line="238"/>
        <source>%1 outliers</source>
        <translation>%1 outliers</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="241"/>
        <source> · raw: %1 rows, %2 · processed: %3 rows, %4</source>
        <translation> · raw: %1 rows, %2 · processed: %3 rows, %4</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="245"/>
        <source> · raw: %1 · processed: %2</source>
        <translation> · raw: %1 · processed: %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="253"/>
        <source>%1 new</source>
        <translation>%1 new</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="257"/>
        <source>Compared with iteration #%1: %2, %3 resolved, %4 persisting</source>
        <translation>Compared with iteration #%1: %2, %3 resolved, %4 persisting</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="263"/>
        <source>raw k %1 → %2</source>
        <translation>raw k %1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="265"/>
        <source>processed k %1 → %2</source>
        <translation>processed k %1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="269"/>
        <source>The thresholds differ (%1): part of the change comes from them, not from the data.</source>
        <translation>The thresholds differ (%1): part of the change comes from them, not from the data.</translation>
    </message>
</context>
<context>
    <name>fo::SecretStore</name>
    <message>
        <location filename="../../signin/SecretStore.cpp" line="89"/>
        <source>the system keychain is locked</source>
        <translation>the system keychain is locked</translation>
    </message>
    <message numerus="yes">
        <location filename="../../signin/SecretStore.cpp" line="116"/>
        <location filename="../../signin/SecretStore.cpp" line="161"/>
        <location filename="../../signin/SecretStore.cpp" line="199"/>
        <source>the system keychain did not answer within %n second(s)</source>
        <translation>
            <numerusform>the system keychain did not answer within %n second</numerusform>
            <numerusform>the system keychain did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::ui::ServiceIndicator</name>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="21"/>
        <source>not checked yet</source>
        <translation>not checked yet</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="25"/>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="29"/>
        <source>reachable</source>
        <translation>reachable</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="33"/>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="37"/>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../ui/status/ServiceIndicator.cpp"/>
        <source>answers, but not as expected</source>
        <translation>answers, but not as expected</translation>
    </message>
</context>
<context>
    <name>fo::ui::ServiceMonitor</name>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="15"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="16"/>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="17"/>
        <source>Notifications API</source>
        <translation>Notifications API</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="50"/>
        <source>REDIS_HOST is empty: the run flag is skipped.</source>
        <translation>REDIS_HOST is empty: the run flag is skipped.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="63"/>
        <source>NOTIFICATIONS_API_BASE_URL is empty: no messages are sent.</source>
        <translation>NOTIFICATIONS_API_BASE_URL is empty: no messages are sent.</translation>
    </message>
</context>
<context>
    <name>fo::RedisProbe</name>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="29"/>
        <source>Redis is not configured: the run flag is skipped.</source>
        <translation>Redis is not configured: the run flag is skipped.</translation>
    </message>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="38"/>
        <source>Redis at %1 answers.</source>
        <translation>Redis at %1 answers.</translation>
    </message>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="40"/>
        <source>%1 answered, but not like a Redis server.</source>
        <translation>%1 answered, but not like a Redis server.</translation>
    </message>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="45"/>
        <source>Cannot reach Redis at %1: %2</source>
        <translation>Cannot reach Redis at %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/RedisProbe.cpp" line="50"/>
        <source>Redis at %1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>Redis at %1 did not answer within %n second.</numerusform>
            <numerusform>Redis at %1 did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::HttpProbe</name>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="68"/>
        <location filename="../../core/HttpProbe.cpp" line="99"/>
        <source>Not configured.</source>
        <translation>Not configured.</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="73"/>
        <location filename="../../core/HttpProbe.cpp" line="105"/>
        <source>“%1” is not a valid http(s) URL.</source>
        <translation>“%1” is not a valid http(s) URL.</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="83"/>
        <location filename="../../core/HttpProbe.cpp" line="120"/>
        <source>%1 answers (HTTP %2).</source>
        <translation>%1 answers (HTTP %2).</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="85"/>
        <location filename="../../core/HttpProbe.cpp" line="116"/>
        <source>Cannot reach %1: %2</source>
        <translation>Cannot reach %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="118"/>
        <source>%1 answers (HTTP %2: %3).</source>
        <translation>%1 answers (HTTP %2: %3).</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="123"/>
        <source>%1 is reachable, but answered HTTP %2: check the address.</source>
        <translation>%1 is reachable, but answered HTTP %2: check the address.</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp"/>
        <source>the send_email endpoint is there</source>
        <translation>the send_email endpoint is there</translation>
    </message>
</context>
<context>
    <name>fo::ui::SessionLabel</name>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="21"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="29"/>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; &amp;lt;%2&amp;gt;</source>
        <translation>Signed in as &lt;b&gt;%1&lt;/b&gt; &amp;lt;%2&amp;gt;</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="30"/>
        <source>Runs you start are recorded under %1.</source>
        <translation>Runs you start are recorded under %1.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="35"/>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="36"/>
        <source>Account → Sign in…</source>
        <translation>Account → Sign in…</translation>
    </message>
</context>
<context>
    <name>fo::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="87"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="90"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="91"/>
        <source>SQLite (a local file)</source>
        <translation>SQLite (a local file)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="95"/>
        <source>kept in the system keychain</source>
        <translation>kept in the system keychain</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="113"/>
        <source>empty: no run flag</source>
        <translation>empty: no run flag</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="114"/>
        <source>empty: no notifications</source>
        <translation>empty: no notifications</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="120"/>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="128"/>
        <location filename="../../ui/SettingsDialog.cpp" line="142"/>
        <location filename="../../ui/SettingsDialog.cpp" line="143"/>
        <location filename="../../ui/SettingsDialog.cpp" line="144"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="130"/>
        <source>Engine:</source>
        <translation>Engine:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="131"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="132"/>
        <location filename="../../ui/SettingsDialog.cpp" line="158"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="133"/>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="134"/>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="135"/>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="346"/>
        <source>the auth API asks for a sign-in, as it should</source>
        <translation>the auth API asks for a sign-in, as it should</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="371"/>
        <source>Not configured: runs set no &quot;job is active&quot; flag.</source>
        <translation>Not configured: runs set no &quot;job is active&quot; flag.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="45"/>
        <location filename="../../ui/SettingsDialog.cpp" line="138"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="41"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="42"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="43"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="44"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="46"/>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="47"/>
        <source>Redis port</source>
        <translation>Redis port</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="48"/>
        <location filename="../../ui/SettingsDialog.cpp" line="348"/>
        <source>Auth API</source>
        <translation>Auth API</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="49"/>
        <location filename="../../ui/SettingsDialog.cpp" line="363"/>
        <source>Notifications API</source>
        <translation>Notifications API</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="148"/>
        <source>Auth API:</source>
        <translation>Auth API:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="150"/>
        <source>Notifications API:</source>
        <translation>Notifications API:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="161"/>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="163"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="167"/>
        <source>Raw records, k:</source>
        <translation>Raw records, k:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="168"/>
        <source>Processed records, k:</source>
        <translation>Processed records, k:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="169"/>
        <source>A value is an outlier when |z| &gt; k. The platform&apos;s job uses 3 for raw and 2 for processed records.</source>
        <translation>A value is an outlier when |z| &gt; k. The platform&apos;s job uses 3 for raw and 2 for processed records.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="174"/>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="178"/>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="179"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="287"/>
        <source>path of the SQLite file</source>
        <translation>path of the SQLite file</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="298"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="329"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>fo::ui::SignInDialog</name>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="26"/>
        <source>Sign in to the platform</source>
        <translation>Sign in to the platform</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="31"/>
        <source>&lt;h3&gt;Sign in&lt;/h3&gt;&lt;p&gt;Runs started from this window are recorded under your name. Use your platform test-account login.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sign in&lt;/h3&gt;&lt;p&gt;Runs started from this window are recorded under your name. Use your platform test-account login.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="37"/>
        <source>The origin of the platform&apos;s auth API (AUTH_API_BASE_URL)</source>
        <translation>The origin of the platform&apos;s auth API (AUTH_API_BASE_URL)</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="39"/>
        <source>test-account login</source>
        <translation>test-account login</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="43"/>
        <source>&amp;Auth API:</source>
        <translation>&amp;Auth API:</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="44"/>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="46"/>
        <source>Real accounts sign in with Google in the mobile app and the web front end; that flow is not available to desktop clients.</source>
        <translation>Real accounts sign in with Google in the mobile app and the web front end; that flow is not available to desktop clients.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="64"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="116"/>
        <source>Enter a test-account login.</source>
        <translation>Enter a test-account login.</translation>
    </message>
</context>
<context>
    <name>fo::ui::TypeTableModel</name>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="104"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="104"/>
        <source>processed</source>
        <translation>processed</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="141"/>
        <source>This iteration was written by the old job: only its outliers are stored, not the counts.</source>
        <translation>This iteration was written by the old job: only its outliers are stored, not the counts.</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="142"/>
        <source>%1 rows, %2 numeric, %3 skipped (not numeric), %4 outliers</source>
        <translation>%1 rows, %2 numeric, %3 skipped (not numeric), %4 outliers</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="157"/>
        <source>Rows whose value is not a finite number; they are not part of the statistics</source>
        <translation>Rows whose value is not a finite number; they are not part of the statistics</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="159"/>
        <source>Outliers in this iteration that were not outliers in the previous one</source>
        <translation>Outliers in this iteration that were not outliers in the previous one</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="161"/>
        <source>Outliers in the previous iteration that are no longer outliers</source>
        <translation>Outliers in the previous iteration that are no longer outliers</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="163"/>
        <source>Outliers in both iterations</source>
        <translation>Outliers in both iterations</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="172"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="174"/>
        <source>Data type</source>
        <translation>Data type</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="176"/>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="178"/>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="180"/>
        <source>Outliers</source>
        <translation>Outliers</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="182"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="184"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="186"/>
        <source>Persisting</source>
        <translation>Persisting</translation>
    </message>
</context>
<context>
    <name>fo::ui::TypeNames</name>
    <message>
        <location filename="../../ui/text/TypeNames.h" line="23"/>
        <source>(no type)</source>
        <translation>(no type)</translation>
    </message>
    <message>
        <location filename="../../ui/text/TypeNames.h" line="41"/>
        <source>Stored without a data type (NULL)</source>
        <translation>Stored without a data type (NULL)</translation>
    </message>
    <message>
        <location filename="../../ui/text/TypeNames.h" line="42"/>
        <source>Stored as %1</source>
        <translation>Stored as %1</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartBrush</name>
    <message>
        <location filename="../../ui/ChartBrush.cpp" line="24"/>
        <source>The whole series. Drag the highlighted window to pan, drag its edges to zoom, click elsewhere to move it there; double-click to show everything.</source>
        <translation>The whole series. Drag the highlighted window to pan, drag its edges to zoom, click elsewhere to move it there; double-click to show everything.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartCaption</name>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="32"/>
        <source>raw records</source>
        <translation>raw records</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="32"/>
        <source>processed records</source>
        <translation>processed records</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="33"/>
        <source>dry run</source>
        <translation>dry run</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="33"/>
        <source>iteration %1</source>
        <translation>iteration %1</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="38"/>
        <source>%1 · %2 (%3) · %4 · %5 – %6 UTC</source>
        <translation>%1 · %2 (%3) · %4 · %5 – %6 UTC</translation>
    </message>
</context>
<context>
    <name>fo::ui::NotAnalysedView</name>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="61"/>
        <source>raw records</source>
        <translation>raw records</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="61"/>
        <source>processed records</source>
        <translation>processed records</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="62"/>
        <source>%1 (%2): not analysed</source>
        <translation>%1 (%2): not analysed</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="64"/>
        <source>Loading the stored values…</source>
        <translation>Loading the stored values…</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="71"/>
        <source>None of the %1 stored values of this type is a number, so the outlier rule (|z| &gt; k over numbers) cannot read them and nothing here was checked for outliers. The values are kept as they are.</source>
        <translation>None of the %1 stored values of this type is a number, so the outlier rule (|z| &gt; k over numbers) cannot read them and nothing here was checked for outliers. The values are kept as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="82"/>
        <source>No stored value was found.</source>
        <translation>No stored value was found.</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="83"/>
        <source>A few of the stored values: %1</source>
        <translation>A few of the stored values: %1</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="93"/>
        <source>Cannot read the stored values: %1</source>
        <translation>Cannot read the stored values: %1</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="98"/>
        <source>Systolic and diastolic, read from values written “S/D”: shown for viewing only, not analysed by the outlier rule</source>
        <translation>Systolic and diastolic, read from values written “S/D”: shown for viewing only, not analysed by the outlier rule</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="124"/>
        <source>Systolic</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="124"/>
        <source>Diastolic</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="136"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
</context>
<context>
    <name>fo::ui::OverviewGrid</name>
    <message>
        <location filename="../../ui/OverviewGrid.cpp" line="41"/>
        <source>Run for a user, or open a stored iteration in History, to see every data type here.</source>
        <translation>Run for a user, or open a stored iteration in History, to see every data type here.</translation>
    </message>
    <message>
        <location filename="../../ui/OverviewGrid.cpp" line="55"/>
        <source>Cannot load the values: %1</source>
        <translation>Cannot load the values: %1</translation>
    </message>
    <message>
        <location filename="../../ui/OverviewGrid.cpp" line="103"/>
        <source>This report has no data types.</source>
        <translation>This report has no data types.</translation>
    </message>
    <message>
        <location filename="../../ui/results/OverviewGrid.cpp" line="51"/>
        <source>Cannot read every value for the report: %1</source>
        <translation>Cannot read every value for the report: %1</translation>
    </message>
</context>
<context>
    <name>fo::ui::PdfReport</name>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="88"/>
        <source>Cannot write the report to %1: %2. Choose another folder.</source>
        <translation>Cannot write the report to %1: %2. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="94"/>
        <source>Outliers of %1, iteration %2</source>
        <translation>Outliers of %1, iteration %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="98"/>
        <source>Cannot write the report to %1. Choose another folder.</source>
        <translation>Cannot write the report to %1. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="165"/>
        <source>Outlier report: %1</source>
        <translation>Outlier report: %1</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="166"/>
        <source>dry run, nothing stored</source>
        <translation>dry run, nothing stored</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="166"/>
        <source>stored</source>
        <translation>stored</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="167"/>
        <source>the scheduled job</source>
        <translation>the scheduled job</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="169"/>
        <source>User: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="170"/>
        <source>Iteration: %1 (%2)</source>
        <translation>Iteration: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="171"/>
        <source>Run: %1 to %2, by %3</source>
        <translation>Run: %1 to %2, by %3</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="172"/>
        <source>Report made %1 by %2</source>
        <translation>Report made %1 by %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="173"/>
        <source>an operator not signed in</source>
        <translation>an operator not signed in</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="174"/>
        <source>Thresholds: k = %1 for raw records, k = %2 for processed records (daily totals)</source>
        <translation>Thresholds: k = %1 for raw records, k = %2 for processed records (daily totals)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="179"/>
        <source>What an outlier is: a value far from the others of its type. For each type, z = (value − mean) / standard deviation tells how many standard deviations a value lies from the mean; a value is an outlier when |z| is greater than k.</source>
        <translation>What an outlier is: a value far from the others of its type. For each type, z = (value − mean) / standard deviation tells how many standard deviations a value lies from the mean; a value is an outlier when |z| is greater than k.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="186"/>
        <source>Summary per data type</source>
        <translation>Summary per data type</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Data type (unit)</source>
        <translation>Data type (unit)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Outliers</source>
        <translation>Outliers</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Std</source>
        <translation>Std</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="198"/>
        <source>not analysed</source>
        <translation>not analysed</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="199"/>
        <source>all good</source>
        <translation>all good</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="200"/>
        <source>needs attention</source>
        <translation>needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="203"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="203"/>
        <source>processed</source>
        <translation>processed</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="223"/>
        <source>raw records</source>
        <translation>raw records</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="223"/>
        <source>processed records</source>
        <translation>processed records</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PdfReport.cpp" line="224"/>
        <source>%1 · %2 · %n outlier(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n outlier</numerusform>
            <numerusform>%1 · %2 · %n outliers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="234"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="235"/>
        <source>Not analysed: none of its %1 stored values is a number the rule can read.</source>
        <translation>Not analysed: none of its %1 stored values is a number the rule can read.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="237"/>
        <source>The values of this type could not be read for the chart.</source>
        <translation>The values of this type could not be read for the chart.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>Data type</source>
        <translation>Data type</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="288"/>
        <source>|z| %1 &gt; k = %2</source>
        <translation>|z| %1 &gt; k = %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="289"/>
        <source>flagged by the old job</source>
        <translation>flagged by the old job</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="303"/>
        <source>No outliers in this iteration.</source>
        <translation>No outliers in this iteration.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="338"/>
        <source>%1 · iteration %2</source>
        <translation>%1 · iteration %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="339"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="342"/>
        <source>Cannot finish the report %1. Choose another folder.</source>
        <translation>Cannot finish the report %1. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ReportExport</name>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="15"/>
        <source>Export &amp;report (PDF)…</source>
        <translation>Export &amp;report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="32"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="34"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="51"/>
        <source>Reading the values of every data type for the report…</source>
        <translation>Reading the values of every data type for the report…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ReportExport.cpp" line="74"/>
        <source>Saved the report to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Saved the report to %1 (%n page).</numerusform>
            <numerusform>Saved the report to %1 (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::ui::TypeCard</name>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="31"/>
        <source>Click or press Enter for the detailed chart.</source>
        <translation>Click or press Enter for the detailed chart.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/TypeCard.cpp" line="59"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/TypeCard.cpp" line="60"/>
        <source>%Ln skipped</source>
        <comment>rows</comment>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/TypeCard.cpp" line="61"/>
        <source>%Ln outlier(s)</source>
        <translation>
            <numerusform>%Ln outlier</numerusform>
            <numerusform>%Ln outliers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="46"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="48"/>
        <source>All good</source>
        <translation>All good</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="52"/>
        <source>Not analysed</source>
        <translation>Not analysed</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="64"/>
        <source>raw records</source>
        <translation>raw records</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="64"/>
        <source>processed records</source>
        <translation>processed records</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="65"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="66"/>
        <source>%1 in %2, %3</source>
        <translation>%1 in %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="73"/>
        <source>no value is a number the rule can read</source>
        <translation>no value is a number the rule can read</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="148"/>
        <source>raw</source>
        <translation>raw</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="148"/>
        <source>processed</source>
        <translation>processed</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="166"/>
        <source>No value is a number the rule can read: not analysed.</source>
        <translation>No value is a number the rule can read: not analysed.</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="172"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/results/TypeCard.cpp" line="108"/>
        <source>Small chart drawn from %1 of %2 values (1 in %3); open the type for all of them.</source>
        <translation>Small chart drawn from %1 of %2 values (1 in %3); open the type for all of them.</translation>
    </message>
    <message>
        <location filename="../../ui/results/TypeCard.cpp" line="244"/>
        <source>chart: 1 in %1</source>
        <translation>chart: 1 in %1</translation>
    </message>
    <message>
        <location filename="../../ui/results/TypeCard.cpp" line="220"/>
        <source>1 in %1</source>
        <translation>1 in %1</translation>
    </message>
</context>
<context>
    <name>fo::ui::help</name>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="54"/>
        <source>&lt;h3&gt;How outliers are found&lt;/h3&gt;&lt;p&gt;Each data type of a user (heart rate, steps, SpO2…) is checked on its own, separately for raw records and for the daily processed records.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Every value that reads as a number counts; text such as “120/80” or “n/a”, and values that are not finite, are skipped (the &lt;i&gt;Skipped&lt;/i&gt; column counts them).&lt;/li&gt;&lt;li&gt;The mean and the standard deviation (std, of the whole population) of those numbers are computed exactly as the platform&apos;s Python job computes them.&lt;/li&gt;&lt;li&gt;For each value, z = (value − mean) / std says how many standard deviations it lies from the mean.&lt;/li&gt;&lt;li&gt;A value is an &lt;b&gt;outlier&lt;/b&gt; when |z| &amp;gt; k: k = 3 for raw records and k = 2 for processed records by default (the thresholds beside Run). |z| equal to k is not an outlier; when std is 0 (all values equal), nothing is.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The chart shades the band mean ± k·std: the outliers are the points outside it. The &lt;i&gt;Why&lt;/i&gt; column of the outliers table gives |z|, k and how many times k the |z| is.&lt;/p&gt;&lt;p&gt;A run that is not a dry run stores the outliers as a new iteration, as the job does; &lt;i&gt;History&lt;/i&gt; compares an iteration with the one before it: &lt;b&gt;new&lt;/b&gt; outliers, &lt;b&gt;persisting&lt;/b&gt; ones, and &lt;b&gt;resolved&lt;/b&gt; ones (outliers before, not any more). When the thresholds of the two differ, some of the change comes from the thresholds, not from the data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;How outliers are found&lt;/h3&gt;&lt;p&gt;Each data type of a user (heart rate, steps, SpO2…) is checked on its own, separately for raw records and for the daily processed records.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Every value that reads as a number counts; text such as “120/80” or “n/a”, and values that are not finite, are skipped (the &lt;i&gt;Skipped&lt;/i&gt; column counts them).&lt;/li&gt;&lt;li&gt;The mean and the standard deviation (std, of the whole population) of those numbers are computed exactly as the platform&apos;s Python job computes them.&lt;/li&gt;&lt;li&gt;For each value, z = (value − mean) / std says how many standard deviations it lies from the mean.&lt;/li&gt;&lt;li&gt;A value is an &lt;b&gt;outlier&lt;/b&gt; when |z| &amp;gt; k: k = 3 for raw records and k = 2 for processed records by default (the thresholds beside Run). |z| equal to k is not an outlier; when std is 0 (all values equal), nothing is.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The chart shades the band mean ± k·std: the outliers are the points outside it. The &lt;i&gt;Why&lt;/i&gt; column of the outliers table gives |z|, k and how many times k the |z| is.&lt;/p&gt;&lt;p&gt;A run that is not a dry run stores the outliers as a new iteration, as the job does; &lt;i&gt;History&lt;/i&gt; compares an iteration with the one before it: &lt;b&gt;new&lt;/b&gt; outliers, &lt;b&gt;persisting&lt;/b&gt; ones, and &lt;b&gt;resolved&lt;/b&gt; ones (outliers before, not any more). When the thresholds of the two differ, some of the change comes from the thresholds, not from the data.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="79"/>
        <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="80"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="86"/>
        <source>&lt;h4&gt;On the chart&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;On the chart&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="87"/>
        <source>Drag</source>
        <translation>Drag</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="87"/>
        <source>Zoom into the rectangle</source>
        <translation>Zoom into the rectangle</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="88"/>
        <source>Wheel, + and −</source>
        <translation>Wheel, + and −</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="88"/>
        <source>Zoom in and out</source>
        <translation>Zoom in and out</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="89"/>
        <source>Shift+drag, middle button, arrow keys</source>
        <translation>Shift+drag, middle button, arrow keys</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="89"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="90"/>
        <source>Show everything (reset the zoom)</source>
        <translation>Show everything (reset the zoom)</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="91"/>
        <source>A row of the outliers table</source>
        <translation>A row of the outliers table</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="91"/>
        <source>Centre the chart on that outlier</source>
        <translation>Centre the chart on that outlier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>&lt;h4&gt;Menu commands&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Menu commands&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>&lt;h4&gt;In the email field&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;In the email field&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Home, 0, double-click</source>
        <translation>Home, 0, double-click</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>&lt;h4&gt;On the Overview&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;On the Overview&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Arrow keys</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Move between the data types&apos; cards</source>
        <translation>Move between the data types&apos; cards</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Home, End</source>
        <translation>Home, End</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>The first card, the last card</source>
        <translation>The first card, the last card</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Enter, Space</source>
        <translation>Enter, Space</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Open the card&apos;s type on the Detail tab</source>
        <translation>Open the card&apos;s type on the Detail tab</translation>
    </message>
</context>
</TS>
