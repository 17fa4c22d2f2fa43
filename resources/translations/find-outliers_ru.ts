<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>fo::ui::AuthSession</name>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="74"/>
        <source>%1 failed: the auth API at %2 answered HTTP %3.</source>
        <translation>%1: ошибка — API авторизации по адресу %2 ответил HTTP %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/AuthSession.cpp" line="76"/>
        <source>%1 failed: the auth API at %2 did not answer within %n second(s). Check the address in the settings and that the service is running.</source>
        <translation>
            <numerusform>%1: ошибка — API авторизации по адресу %2 не ответил за %n секунду. Проверьте адрес в настройках и что сервис запущен.</numerusform>
            <numerusform>%1: ошибка — API авторизации по адресу %2 не ответил за %n секунды. Проверьте адрес в настройках и что сервис запущен.</numerusform>
            <numerusform>%1: ошибка — API авторизации по адресу %2 не ответил за %n секунд. Проверьте адрес в настройках и что сервис запущен.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="79"/>
        <source>%1 failed: cannot reach the auth API at %2 (%3). Check the address in the settings and your network.</source>
        <translation>%1: ошибка — нет связи с API авторизации по адресу %2 (%3). Проверьте адрес в настройках и сеть.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="87"/>
        <source>Enter a test-account login.</source>
        <translation>Введите логин тестовой учётной записи.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="93"/>
        <source>The auth API address “%1” is not a valid http(s) URL.</source>
        <translation>Адрес API авторизации «%1» не является корректным http(s) URL.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="110"/>
        <source>The auth API does not know the test-account login “%1”. Check the login and try again.</source>
        <translation>API авторизации не знает логин тестовой учётной записи «%1». Проверьте логин и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="115"/>
        <source>Signing in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="128"/>
        <source>The auth API at %1 answered without an access token.</source>
        <translation>API авторизации по адресу %1 ответил без токена доступа.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="170"/>
        <source>The auth API at %1 no longer accepts this session. Sign in again.</source>
        <translation>API авторизации по адресу %1 больше не принимает этот сеанс. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="174"/>
        <source>Reading the signed-in user</source>
        <translation>Чтение данных вошедшего пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="185"/>
        <source>The auth API at %1 answered users/me without an email.</source>
        <translation>API авторизации по адресу %1 ответил на users/me без адреса почты.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="200"/>
        <source>The session has expired and there is no refresh token. Sign in again.</source>
        <translation>Сеанс истёк, а токена обновления нет. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="219"/>
        <source>The session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="223"/>
        <source>Renewing the session</source>
        <translation>Продление сеанса</translation>
    </message>
    <message>
        <location filename="../../ui/AuthSession.cpp" line="229"/>
        <source>The auth API at %1 answered the refresh without an access token.</source>
        <translation>API авторизации по адресу %1 ответил на обновление без токена доступа.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartPanel</name>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="21"/>
        <source>Zoom in</source>
        <translation>Приблизить</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="22"/>
        <source>Zoom in (+, the wheel, or drag a rectangle)</source>
        <translation>Приблизить (+, колесо мыши или выделение прямоугольника)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="23"/>
        <source>Zoom out</source>
        <translation>Отдалить</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="24"/>
        <source>Zoom out (−, or the wheel)</source>
        <translation>Отдалить (− или колесо мыши)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="25"/>
        <source>Reset zoom</source>
        <translation>Сбросить масштаб</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="27"/>
        <source>Show everything (Home)</source>
        <translation>Показать всё (Home)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="28"/>
        <source>Drag to zoom · wheel to zoom · Shift+drag or middle button to pan</source>
        <translation>Выделите область или крутите колесо для масштаба · Shift+перетаскивание или средняя кнопка — сдвиг</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>7 days</source>
        <translation>7 дней</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>30 days</source>
        <translation>30 дней</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>90 days</source>
        <translation>90 дней</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>1 year</source>
        <translation>1 год</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="32"/>
        <source>All</source>
        <translation>Всё</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="36"/>
        <source>Show the last %1 days of the data</source>
        <translation>Показать последние %1 дн. данных</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="36"/>
        <source>Show everything</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="38"/>
        <source>Drag to zoom · wheel to zoom · Shift+drag or middle button to pan · double-click shows everything</source>
        <translation>Перетаскивание — масштаб · колесо — масштаб · Shift+перетаскивание или средняя кнопка — сдвиг · двойной щелчок — всё</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="35"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="39"/>
        <source>Times in UTC, as stored; off: in this computer&apos;s local time</source>
        <translation>Время в UTC, как хранится; если выключено — местное время этого компьютера</translation>
    </message>
</context>
<context>
    <name>fo::ui::ExportActions</name>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="17"/>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="17"/>
        <source>Save chart as &amp;PNG…</source>
        <translation>Сохранить график как &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="31"/>
        <source>The CSV export failed: %1</source>
        <translation>Экспорт в CSV не удался: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="59"/>
        <source>Exporting to %1…</source>
        <translation>Экспорт в %1…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="68"/>
        <source>Save chart as PNG</source>
        <translation>Сохранить график как PNG</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="68"/>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="75"/>
        <source>Saved the chart to %1.</source>
        <translation>График сохранён в %1.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="77"/>
        <source>Cannot write the image %1. Choose another folder.</source>
        <translation>Не удалось записать изображение %1. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ExportDialog</name>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="17"/>
        <source>&amp;Outliers only (one row per outlier)</source>
        <translation>&amp;Только выбросы (строка на каждый выброс)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="18"/>
        <source>&amp;All points (every numeric value, with an is_outlier column)</source>
        <translation>&amp;Все точки (каждое числовое значение, со столбцом is_outlier)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="22"/>
        <location filename="../../ui/ExportDialog.cpp" line="81"/>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="28"/>
        <source>The same columns as the command line&apos;s --csv: email, iteration, source, data_type, record_id, time (UTC), value, z, mean, std, k.</source>
        <translation>Те же столбцы, что и у --csv в командной строке: email, iteration, source, data_type, record_id, time (UTC), value, z, mean, std, k.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="33"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="39"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="43"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="81"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>fo::ui::HistoryController</name>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="20"/>
        <source>Cannot read the stored iterations: %1</source>
        <translation>Не удалось прочитать сохранённые итерации: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="32"/>
        <source>Cannot open the iteration: %1</source>
        <translation>Не удалось открыть итерацию: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="37"/>
        <source>The previous iteration could not be loaded for the comparison: %1</source>
        <translation>Не удалось загрузить предыдущую итерацию для сравнения: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="48"/>
        <source>Reading the stored iterations of %1…</source>
        <translation>Чтение сохранённых итераций %1…</translation>
    </message>
</context>
<context>
    <name>fo::ui::HistoryPanel</name>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="23"/>
        <source>Open and compare</source>
        <translation>Открыть и сравнить</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="24"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="38"/>
        <source>Show this iteration compared with the one before it</source>
        <translation>Показать эту итерацию в сравнении с предыдущей</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="63"/>
        <source>Enter a user&apos;s email to see their stored iterations.</source>
        <translation>Введите адрес почты пользователя, чтобы увидеть его сохранённые итерации.</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="76"/>
        <source>Iteration</source>
        <translation>Итерация</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="76"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="76"/>
        <source>Raw</source>
        <translation>Сырые</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="76"/>
        <source>Processed</source>
        <translation>Обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="76"/>
        <source>Started by</source>
        <translation>Кто запустил</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="91"/>
        <source>old job</source>
        <translation>старая задача</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="93"/>
        <source>scheduled (headless)</source>
        <translation>по расписанию (без окна)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="99"/>
        <source>No stored iterations for %1 yet.</source>
        <translation>Для %1 пока нет сохранённых итераций.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/HistoryPanel.cpp" line="100"/>
        <source>%n stored iteration(s) for %1. Double-click one to compare it with the one before.</source>
        <translation>
            <numerusform>%n сохранённая итерация для %1. Дважды щёлкните по итерации, чтобы сравнить её с предыдущей.</numerusform>
            <numerusform>%n сохранённые итерации для %1. Дважды щёлкните по итерации, чтобы сравнить её с предыдущей.</numerusform>
            <numerusform>%n сохранённых итераций для %1. Дважды щёлкните по итерации, чтобы сравнить её с предыдущей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::ui::MainWindow</name>
    <message>
        <location filename="../../ui/DesktopMain.cpp" line="28"/>
        <location filename="../../ui/MainWindow.cpp" line="41"/>
        <location filename="../../ui/MainWindowHost.cpp" line="44"/>
        <source>Find outliers</source>
        <translation>Поиск выбросов</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="96"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="100"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="103"/>
        <source>&amp;Account</source>
        <translation>&amp;Учётная запись</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="104"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="105"/>
        <source>Sign &amp;out</source>
        <translation>В&amp;ыйти из учётной записи</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="107"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="108"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Сбросить масштаб</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="110"/>
        <source>Check &amp;services</source>
        <translation>Проверить &amp;сервисы</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="112"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="113"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="116"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="117"/>
        <source>&amp;About Find outliers</source>
        <translation>&amp;О программе «Поиск выбросов»</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="118"/>
        <source>About Find outliers</source>
        <translation>О программе «Поиск выбросов»</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="119"/>
        <source>&lt;h3&gt;Find outliers %1&lt;/h3&gt;&lt;p&gt;Flags z-score outliers in a person&apos;s health records and records what it found, exactly as the platform&apos;s job does.&lt;/p&gt;&lt;p&gt;A value is an outlier when |z| = |value − mean| / std &gt; k, per data type.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Поиск выбросов %1&lt;/h3&gt;&lt;p&gt;Находит выбросы по z-оценке в медицинских записях человека и сохраняет найденное — в точности как задача платформы.&lt;/p&gt;&lt;p&gt;Значение — выброс, если |z| = |значение − среднее| / std &gt; k, отдельно для каждого типа данных.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="169"/>
        <source>&lt;b&gt;The system keychain is not available&lt;/b&gt; (%1). Your sign-in and the database password are kept in memory for this session only; you will have to enter them again next time.</source>
        <translation>&lt;b&gt;Системное хранилище паролей недоступно&lt;/b&gt; (%1). Данные входа и пароль базы данных хранятся в памяти только на время этого сеанса; в следующий раз их придётся ввести снова.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="252"/>
        <source>“%1” is not a valid email address. Correct it and press Run again.</source>
        <translation>«%1» — некорректный адрес почты. Исправьте его и снова нажмите «Запустить».</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="258"/>
        <source>Sign in to run: the run is recorded under your name. (A dry run needs no sign-in.)</source>
        <translation>Войдите, чтобы запустить: запуск записывается под вашим именем. (Для пробного запуска вход не нужен.)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="278"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="288"/>
        <source>Cancelling… nothing will be written.</source>
        <translation>Отмена… ничего не будет записано.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="310"/>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="320"/>
        <source>The run failed and nothing was written: %1</source>
        <translation>Запуск не удался, ничего не записано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="323"/>
        <source>The run was cancelled: nothing was written and the run flag is back to &quot;false&quot;.</source>
        <translation>Запуск отменён: ничего не записано, флаг запуска снова &quot;false&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="330"/>
        <source>The run finished with warnings:</source>
        <translation>Запуск завершён с предупреждениями:</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="372"/>
        <source>Opening iteration #%1 of %2…</source>
        <translation>Открытие итерации №%1 для %2…</translation>
    </message>
</context>
<context>
    <name>fo::ui::OutlierChartView</name>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="101"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="103"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="108"/>
        <source>Band: mean ± k·std</source>
        <translation>Полоса: среднее ± k·std</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="116"/>
        <source>Mean</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="121"/>
        <source>Values</source>
        <translation>Значения</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="127"/>
        <location filename="../../ui/OutlierChartView.cpp" line="197"/>
        <source>Outliers (|z| &gt; k)</source>
        <translation>Выбросы (|z| &gt; k)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="129"/>
        <source>Persisting outliers</source>
        <translation>Сохранившиеся выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="131"/>
        <source>Resolved outliers</source>
        <translation>Исчезнувшие выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="133"/>
        <source>Selected</source>
        <translation>Выбрано</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="159"/>
        <source>Select a data type to see its chart</source>
        <translation>Выберите тип данных, чтобы увидеть его график</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="197"/>
        <source>New outliers</source>
        <translation>Новые выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="240"/>
        <source>raw records</source>
        <translation>сырые записи</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="240"/>
        <source>processed records</source>
        <translation>обработанные записи</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="241"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="243"/>
        <source>mean %1, std %2, k = %3</source>
        <translation>среднее %1, std %2, k = %3</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="506"/>
        <source>&lt;b&gt;%1 UTC&lt;/b&gt;&lt;br&gt;Value: %2&lt;br&gt;z: %3</source>
        <translation>&lt;b&gt;%1 UTC&lt;/b&gt;&lt;br&gt;Значение: %2&lt;br&gt;z: %3</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="509"/>
        <source>&lt;span style=&apos;color:#d93025&apos;&gt;Outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d93025&apos;&gt;Выброс: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="513"/>
        <source>&lt;span style=&apos;color:#d93025&apos;&gt;New outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d93025&apos;&gt;Новый выброс: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="517"/>
        <source>&lt;span style=&apos;color:#8e1b10&apos;&gt;Persisting outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#8e1b10&apos;&gt;Сохранившийся выброс: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="521"/>
        <source>Resolved: an outlier in the previous iteration only</source>
        <translation>Исчез: был выбросом только в предыдущей итерации</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="526"/>
        <source>Record #%1</source>
        <translation>Запись №%1</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="153"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="75"/>
        <source>Time (%1)</source>
        <translation>Время (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="99"/>
        <source>Range per pixel (min–max)</source>
        <translation>Диапазон на пиксель (мин.–макс.)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="433"/>
        <source>Mean per pixel</source>
        <translation>Среднее на пиксель</translation>
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
        <location filename="../../ui/OutlierTableModel.cpp" line="122"/>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="124"/>
        <source>persisting</source>
        <translation>сохранился</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="126"/>
        <source>resolved</source>
        <translation>исчез</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="128"/>
        <source>outlier</source>
        <translation>выброс</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="189"/>
        <source>raw</source>
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="189"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="200"/>
        <source>z unknown (stored by the old job)</source>
        <translation>z неизвестен (записано старой задачей)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="202"/>
        <source>was |z| %1 &gt; %2</source>
        <translation>был |z| %1 &gt; %2</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="203"/>
        <source>|z| %1 &gt; k %2  (%3× k)</source>
        <translation>|z| %1 &gt; k %2  (%3× k)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="244"/>
        <source>z = (value − mean) / std = (%1 − %2) / %3 = %4; a point is an outlier when |z| &gt; k = %5</source>
        <translation>z = (значение − среднее) / std = (%1 − %2) / %3 = %4; точка — выброс, если |z| &gt; k = %5</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="258"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="260"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="262"/>
        <source>Data type</source>
        <translation>Тип данных</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="264"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="266"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="268"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="270"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="272"/>
        <source>Mean</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="274"/>
        <source>Std</source>
        <translation>Std</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="276"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="278"/>
        <source>Record id</source>
        <translation>id записи</translation>
    </message>
</context>
<context>
    <name>fo::ui::QueryWorker</name>
    <message>
        <location filename="../../ui/QueryWorker.cpp" line="129"/>
        <source>Running a test query</source>
        <translation>Выполнение тестового запроса</translation>
    </message>
    <message>
        <location filename="../../ui/QueryWorker.cpp" line="132"/>
        <source>Connected to %1.</source>
        <translation>Подключено к %1.</translation>
    </message>
    <message>
        <location filename="../../ui/QueryWorker.cpp" line="171"/>
        <source>Exported to %1.</source>
        <translation>Экспортировано в %1.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ResultsPanel</name>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="72"/>
        <source>Data types</source>
        <translation>Типы данных</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="74"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="102"/>
        <source>Cannot load the values of %1: %2</source>
        <translation>Не удалось загрузить значения %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="122"/>
        <source>Outliers</source>
        <translation>Выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="186"/>
        <source>No numeric values for this user</source>
        <translation>У этого пользователя нет числовых значений</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="219"/>
        <source>raw</source>
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="219"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ResultsPanel.cpp" line="221"/>
        <source>Outliers of %1 (%2): %n row(s)</source>
        <translation>
            <numerusform>Выбросы %1 (%2): %n строка</numerusform>
            <numerusform>Выбросы %1 (%2): %n строки</numerusform>
            <numerusform>Выбросы %1 (%2): %n строк</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="237"/>
        <source>Loading the values of %1…</source>
        <translation>Загрузка значений %1…</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="89"/>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="101"/>
        <source>Detail</source>
        <translation>Подробно</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="167"/>
        <source>Only those in the chart&apos;s range</source>
        <translation>Только в диапазоне графика</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="169"/>
        <source>List only the outliers in the time range the chart shows; it follows zoom and pan.</source>
        <translation>Показывать только выбросы из интервала времени, видимого на графике; список следует за масштабом и сдвигом.</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="327"/>
        <source>%1: no numeric values</source>
        <translation>%1: нет числовых значений</translation>
    </message>
</context>
<context>
    <name>fo::ui::RunControls</name>
    <message>
        <location filename="../../ui/RunControls.cpp" line="23"/>
        <source>Notify the user</source>
        <translation>Уведомить пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="23"/>
        <source>Dry run</source>
        <translation>Пробный запуск</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="24"/>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="25"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="31"/>
        <source>user@example.com</source>
        <translation>user@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="46"/>
        <source>Raw records: a value is an outlier when |z| &gt; k</source>
        <translation>Сырые записи: значение — выброс, если |z| &gt; k</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="47"/>
        <source>Processed (daily) records: a value is an outlier when |z| &gt; k</source>
        <translation>Обработанные (суточные) записи: значение — выброс, если |z| &gt; k</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="51"/>
        <source>Send the start and completion messages to the user, as the platform&apos;s job does</source>
        <translation>Отправить пользователю сообщения о начале и завершении, как это делает задача платформы</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="53"/>
        <source>Compute and show the outliers; write nothing, set no flag, send no message</source>
        <translation>Вычислить и показать выбросы; ничего не записывать, не ставить флаг, не отправлять сообщений</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="68"/>
        <source>User &amp;email:</source>
        <translation>&amp;Почта пользователя:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="74"/>
        <source>Raw k:</source>
        <translation>k сырых:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="77"/>
        <source>Processed k:</source>
        <translation>k обработанных:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="173"/>
        <source>Enter the email of the user whose records you want to check.</source>
        <translation>Введите адрес почты пользователя, записи которого нужно проверить.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="176"/>
        <source>“%1” is not a valid email address.</source>
        <translation>«%1» — некорректный адрес почты.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="179"/>
        <source>✔ Valid address, but the database has no records for it.</source>
        <translation>✔ Адрес корректен, но в базе данных нет записей для него.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="182"/>
        <source>✔ Valid address.</source>
        <translation>✔ Адрес корректен.</translation>
    </message>
</context>
<context>
    <name>fo::ui::RunSummaryRow</name>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="25"/>
        <source>Enter a user&apos;s email and press Run, or open a stored iteration under History.</source>
        <translation>Введите адрес почты пользователя и нажмите «Запустить» или откройте сохранённую итерацию во вкладке «История».</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="70"/>
        <source>Connecting to the database…</source>
        <translation>Подключение к базе данных…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="72"/>
        <source>Waiting for other runs for this user…</source>
        <translation>Ожидание других запусков для этого пользователя…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="74"/>
        <source>Setting the run flag…</source>
        <translation>Установка флага запуска…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="76"/>
        <source>Notifying the user of the start…</source>
        <translation>Уведомление пользователя о начале…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="78"/>
        <source>Reading raw records: %1 rows</source>
        <translation>Чтение сырых записей: %1 строк</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="80"/>
        <source>Reading processed records: %1 rows</source>
        <translation>Чтение обработанных записей: %1 строк</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="82"/>
        <source>Detecting outliers…</source>
        <translation>Поиск выбросов…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="84"/>
        <source>Writing: %1 outliers</source>
        <translation>Запись: %1 выбросов</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="86"/>
        <source>Notifying the user of the result…</source>
        <translation>Уведомление пользователя о результате…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="88"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="99"/>
        <source>completed</source>
        <translation>завершена</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="102"/>
        <source>dry run, nothing written</source>
        <translation>пробный запуск, ничего не записано</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="105"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="108"/>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="114"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · dry run at %2 UTC</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · пробный запуск в %2 UTC</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="116"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · iteration #%2 · %3 UTC · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · итерация №%2 · %3 UTC · %4</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="122"/>
        <source> · raw: %1 rows, &lt;span style=&apos;color:#d93025&apos;&gt;%2 outliers&lt;/span&gt; · processed: %3 rows, &lt;span style=&apos;color:#d93025&apos;&gt;%4 outliers&lt;/span&gt;</source>
        <translation> · сырые: строк %1, &lt;span style=&apos;color:#d93025&apos;&gt;выбросов %2&lt;/span&gt; · обработанные: строк %3, &lt;span style=&apos;color:#d93025&apos;&gt;выбросов %4&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="127"/>
        <source> · raw: &lt;span style=&apos;color:#d93025&apos;&gt;%1 outliers&lt;/span&gt; · processed: &lt;span style=&apos;color:#d93025&apos;&gt;%2 outliers&lt;/span&gt;</source>
        <translation> · сырые: &lt;span style=&apos;color:#d93025&apos;&gt;выбросов %1&lt;/span&gt; · обработанные: &lt;span style=&apos;color:#d93025&apos;&gt;выбросов %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="138"/>
        <source>Compared with iteration #%1: &lt;span style=&apos;color:#d93025&apos;&gt;&lt;b&gt;%2 new&lt;/b&gt;&lt;/span&gt;, %3 resolved, %4 persisting</source>
        <translation>В сравнении с итерацией №%1: &lt;span style=&apos;color:#d93025&apos;&gt;&lt;b&gt;новых %2&lt;/b&gt;&lt;/span&gt;, исчезло %3, сохранилось %4</translation>
    </message>
</context>
<context>
    <name>fo::ui::SecretStore</name>
    <message>
        <location filename="../../ui/SecretStore.cpp" line="89"/>
        <source>the system keychain is locked</source>
        <translation>системное хранилище паролей заблокировано</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/SecretStore.cpp" line="116"/>
        <location filename="../../ui/SecretStore.cpp" line="161"/>
        <location filename="../../ui/SecretStore.cpp" line="199"/>
        <source>the system keychain did not answer within %n second(s)</source>
        <translation>
            <numerusform>системное хранилище паролей не ответило за %n секунду</numerusform>
            <numerusform>системное хранилище паролей не ответило за %n секунды</numerusform>
            <numerusform>системное хранилище паролей не ответило за %n секунд</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::ui::ServiceIndicator</name>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="21"/>
        <source>not checked yet</source>
        <translation>ещё не проверено</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="25"/>
        <source>checking…</source>
        <translation>проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="29"/>
        <source>reachable</source>
        <translation>доступен</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="33"/>
        <source>unreachable</source>
        <translation>недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceIndicator.cpp" line="37"/>
        <source>not configured</source>
        <translation>не настроен</translation>
    </message>
</context>
<context>
    <name>fo::ui::ServiceMonitor</name>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="15"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="16"/>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="17"/>
        <source>Notifications API</source>
        <translation>API уведомлений</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="50"/>
        <source>REDIS_HOST is empty: the run flag is skipped.</source>
        <translation>REDIS_HOST не задан: флаг запуска не ставится.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceMonitor.cpp" line="63"/>
        <source>NOTIFICATIONS_API_BASE_URL is empty: no messages are sent.</source>
        <translation>NOTIFICATIONS_API_BASE_URL не задан: сообщения не отправляются.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ServiceProbe</name>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="29"/>
        <source>Redis is not configured: the run flag is skipped.</source>
        <translation>Redis не настроен: флаг запуска не ставится.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="38"/>
        <source>Redis at %1 answers.</source>
        <translation>Redis по адресу %1 отвечает.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="40"/>
        <source>%1 answered, but not like a Redis server.</source>
        <translation>%1 ответил, но не как сервер Redis.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="45"/>
        <source>Cannot reach Redis at %1: %2</source>
        <translation>Нет связи с Redis по адресу %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ServiceProbe.cpp" line="50"/>
        <source>Redis at %1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>Redis по адресу %1 не ответил за %n секунду.</numerusform>
            <numerusform>Redis по адресу %1 не ответил за %n секунды.</numerusform>
            <numerusform>Redis по адресу %1 не ответил за %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="68"/>
        <source>Not configured.</source>
        <translation>Не настроено.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="73"/>
        <source>“%1” is not a valid http(s) URL.</source>
        <translation>«%1» — некорректный http(s) URL.</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="83"/>
        <source>%1 answers (HTTP %2).</source>
        <translation>%1 отвечает (HTTP %2).</translation>
    </message>
    <message>
        <location filename="../../ui/ServiceProbe.cpp" line="85"/>
        <source>Cannot reach %1: %2</source>
        <translation>Нет связи с %1: %2</translation>
    </message>
</context>
<context>
    <name>fo::ui::SessionLabel</name>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="21"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="29"/>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; &amp;lt;%2&amp;gt;</source>
        <translation>Вы вошли как &lt;b&gt;%1&lt;/b&gt; &amp;lt;%2&amp;gt;</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="30"/>
        <source>Runs you start are recorded under %1.</source>
        <translation>Ваши запуски записываются под именем %1.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="35"/>
        <source>Not signed in</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <location filename="../../ui/SessionLabel.cpp" line="36"/>
        <source>Account → Sign in…</source>
        <translation>Учётная запись → Войти…</translation>
    </message>
</context>
<context>
    <name>fo::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="69"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="72"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="73"/>
        <source>SQLite (a local file)</source>
        <translation>SQLite (локальный файл)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="77"/>
        <source>kept in the system keychain</source>
        <translation>хранится в системном хранилище паролей</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="97"/>
        <source>empty: no run flag</source>
        <translation>пусто: без флага запуска</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="98"/>
        <source>empty: no notifications</source>
        <translation>пусто: без уведомлений</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="104"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="112"/>
        <location filename="../../ui/SettingsDialog.cpp" line="126"/>
        <location filename="../../ui/SettingsDialog.cpp" line="127"/>
        <location filename="../../ui/SettingsDialog.cpp" line="128"/>
        <location filename="../../ui/SettingsDialog.cpp" line="129"/>
        <source>Test connection</source>
        <translation>Проверить соединение</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="114"/>
        <source>Engine:</source>
        <translation>СУБД:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="115"/>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="116"/>
        <location filename="../../ui/SettingsDialog.cpp" line="144"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="117"/>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="118"/>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="119"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="122"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="134"/>
        <source>Auth API:</source>
        <translation>API авторизации:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="136"/>
        <source>Notifications API:</source>
        <translation>API уведомлений:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="138"/>
        <source>Data collection API:</source>
        <translation>API сбора данных:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="147"/>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="149"/>
        <source>Services</source>
        <translation>Сервисы</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="153"/>
        <source>Raw records, k:</source>
        <translation>Сырые записи, k:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="154"/>
        <source>Processed records, k:</source>
        <translation>Обработанные записи, k:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="155"/>
        <source>A value is an outlier when |z| &gt; k. The platform&apos;s job uses 3 for raw and 2 for processed records.</source>
        <translation>Значение — выброс, если |z| &gt; k. Задача платформы использует 3 для сырых и 2 для обработанных записей.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="160"/>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="164"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="165"/>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="252"/>
        <source>path of the SQLite file</source>
        <translation>путь к файлу SQLite</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="264"/>
        <location filename="../../ui/SettingsDialog.cpp" line="270"/>
        <location filename="../../ui/SettingsDialog.cpp" line="280"/>
        <location filename="../../ui/SettingsDialog.cpp" line="287"/>
        <location filename="../../ui/SettingsDialog.cpp" line="294"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>fo::ui::SignInDialog</name>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="26"/>
        <source>Sign in to the platform</source>
        <translation>Вход на платформу</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="31"/>
        <source>&lt;h3&gt;Sign in&lt;/h3&gt;&lt;p&gt;Runs started from this window are recorded under your name. Use your platform test-account login.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Вход&lt;/h3&gt;&lt;p&gt;Запуски из этого окна записываются под вашим именем. Используйте логин тестовой учётной записи платформы.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="37"/>
        <source>The origin of the platform&apos;s auth API (AUTH_API_BASE_URL)</source>
        <translation>Адрес API авторизации платформы (AUTH_API_BASE_URL)</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="39"/>
        <source>test-account login</source>
        <translation>логин тестовой учётной записи</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="43"/>
        <source>&amp;Auth API:</source>
        <translation>&amp;API авторизации:</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="44"/>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="46"/>
        <source>Real accounts sign in with Google in the mobile app and the web front end; that flow is not available to desktop clients.</source>
        <translation>Обычные учётные записи входят через Google в мобильном приложении и веб-интерфейсе; настольным клиентам этот способ недоступен.</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="64"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../ui/SignInDialog.cpp" line="114"/>
        <source>Enter a test-account login.</source>
        <translation>Введите логин тестовой учётной записи.</translation>
    </message>
</context>
<context>
    <name>fo::ui::TypeTableModel</name>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="104"/>
        <source>raw</source>
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="104"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="141"/>
        <source>This iteration was written by the old job: only its outliers are stored, not the counts.</source>
        <translation>Эту итерацию записала старая задача: сохранены только выбросы, без счётчиков.</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="142"/>
        <source>%1 rows, %2 numeric, %3 skipped (not numeric), %4 outliers</source>
        <translation>строк: %1, числовых: %2, пропущено (не числа): %3, выбросов: %4</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="157"/>
        <source>Rows whose value is not a finite number; they are not part of the statistics</source>
        <translation>Строки, значение которых не является конечным числом; в статистику они не входят</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="159"/>
        <source>Outliers in this iteration that were not outliers in the previous one</source>
        <translation>Выбросы этой итерации, которые не были выбросами в предыдущей</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="161"/>
        <source>Outliers in the previous iteration that are no longer outliers</source>
        <translation>Выбросы предыдущей итерации, которые больше не являются выбросами</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="163"/>
        <source>Outliers in both iterations</source>
        <translation>Выбросы в обеих итерациях</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="172"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="174"/>
        <source>Data type</source>
        <translation>Тип данных</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="176"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="178"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="180"/>
        <source>Outliers</source>
        <translation>Выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="182"/>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="184"/>
        <source>Resolved</source>
        <translation>Исчезли</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="186"/>
        <source>Persisting</source>
        <translation>Сохранились</translation>
    </message>
    <message>
        <location filename="../../ui/TypeTableModel.cpp" line="144"/>
        <source>Stored as %1</source>
        <translation>Хранится как %1</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartBrush</name>
    <message>
        <location filename="../../ui/ChartBrush.cpp" line="24"/>
        <source>The whole series. Drag the highlighted window to pan, drag its edges to zoom, click elsewhere to move it there; double-click to show everything.</source>
        <translation>Весь ряд. Перетащите выделенное окно, чтобы сдвинуть график, его края — чтобы изменить масштаб, щёлкните в другом месте, чтобы перенести окно туда; двойной щелчок показывает всё.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartCaption</name>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="32"/>
        <source>raw records</source>
        <translation>исходные записи</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="32"/>
        <source>processed records</source>
        <translation>обработанные записи</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="33"/>
        <source>dry run</source>
        <translation>пробный запуск</translation>
    </message>
    <message>
        <location filename="../../ui/ChartCaption.cpp" line="33"/>
        <source>iteration %1</source>
        <translation>итерация %1</translation>
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
        <translation>исходные записи</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="61"/>
        <source>processed records</source>
        <translation>обработанные записи</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="62"/>
        <source>%1 (%2): not analysed</source>
        <translation>%1 (%2): не проанализировано</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="64"/>
        <source>Loading the stored values…</source>
        <translation>Загрузка сохранённых значений…</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="71"/>
        <source>None of the %1 stored values of this type is a number, so the outlier rule (|z| &gt; k over numbers) cannot read them and nothing here was checked for outliers. The values are kept as they are.</source>
        <translation>Ни одно из %1 сохранённых значений этого типа не является числом, поэтому правило поиска выбросов (|z| &gt; k по числам) не может их прочитать, и выбросы здесь не искались. Значения хранятся как есть.</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="82"/>
        <source>No stored value was found.</source>
        <translation>Сохранённых значений не найдено.</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="83"/>
        <source>A few of the stored values: %1</source>
        <translation>Несколько сохранённых значений: %1</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="93"/>
        <source>Cannot read the stored values: %1</source>
        <translation>Не удалось прочитать сохранённые значения: %1</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="98"/>
        <source>Systolic and diastolic, read from values written “S/D”: shown for viewing only, not analysed by the outlier rule</source>
        <translation>Систолическое и диастолическое, прочитанные из значений вида «С/Д»: только для просмотра, правилом поиска выбросов не анализируются</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="124"/>
        <source>Systolic</source>
        <translation>Систолическое</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="124"/>
        <source>Diastolic</source>
        <translation>Диастолическое</translation>
    </message>
    <message>
        <location filename="../../ui/NotAnalysedView.cpp" line="136"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
</context>
<context>
    <name>fo::ui::OverviewGrid</name>
    <message>
        <location filename="../../ui/OverviewGrid.cpp" line="41"/>
        <source>Run for a user, or open a stored iteration in History, to see every data type here.</source>
        <translation>Запустите поиск для пользователя или откройте сохранённую итерацию в «Истории», чтобы увидеть здесь все типы данных.</translation>
    </message>
    <message>
        <location filename="../../ui/OverviewGrid.cpp" line="55"/>
        <source>Cannot load the values: %1</source>
        <translation>Не удалось загрузить значения: %1</translation>
    </message>
    <message>
        <location filename="../../ui/OverviewGrid.cpp" line="103"/>
        <source>This report has no data types.</source>
        <translation>В этом отчёте нет типов данных.</translation>
    </message>
</context>
<context>
    <name>fo::ui::PdfReport</name>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="88"/>
        <source>Cannot write the report to %1: %2. Choose another folder.</source>
        <translation>Не удалось записать отчёт в %1: %2. Выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="94"/>
        <source>Outliers of %1, iteration %2</source>
        <translation>Выбросы %1, итерация %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="98"/>
        <source>Cannot write the report to %1. Choose another folder.</source>
        <translation>Не удалось записать отчёт в %1. Выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="165"/>
        <source>Outlier report: %1</source>
        <translation>Отчёт о выбросах: %1</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="166"/>
        <source>dry run, nothing stored</source>
        <translation>пробный запуск, ничего не сохранено</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="166"/>
        <source>stored</source>
        <translation>сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="167"/>
        <source>the scheduled job</source>
        <translation>задание по расписанию</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="169"/>
        <source>User: %1</source>
        <translation>Пользователь: %1</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="170"/>
        <source>Iteration: %1 (%2)</source>
        <translation>Итерация: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="171"/>
        <source>Run: %1 to %2, by %3</source>
        <translation>Запуск: с %1 по %2, запустил(а) %3</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="172"/>
        <source>Report made %1 by %2</source>
        <translation>Отчёт составлен %1, составил(а) %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="173"/>
        <source>an operator not signed in</source>
        <translation>оператор без входа в систему</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="174"/>
        <source>Thresholds: k = %1 for raw records, k = %2 for processed records (daily totals)</source>
        <translation>Пороги: k = %1 для исходных записей, k = %2 для обработанных (суточные итоги)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="179"/>
        <source>What an outlier is: a value far from the others of its type. For each type, z = (value − mean) / standard deviation tells how many standard deviations a value lies from the mean; a value is an outlier when |z| is greater than k.</source>
        <translation>Что такое выброс: значение, далёкое от остальных значений своего типа. Для каждого типа z = (значение − среднее) / стандартное отклонение показывает, на сколько стандартных отклонений значение отстоит от среднего; значение считается выбросом, когда |z| больше k.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="186"/>
        <source>Summary per data type</source>
        <translation>Сводка по типам данных</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Data type (unit)</source>
        <translation>Тип данных (ед.)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Table</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="191"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Outliers</source>
        <translation>Выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Mean</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Std</source>
        <translation>Ст. откл.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="192"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="198"/>
        <source>not analysed</source>
        <translation>не проанализировано</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="199"/>
        <source>all good</source>
        <translation>всё хорошо</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="200"/>
        <source>needs attention</source>
        <translation>требуется внимание</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="203"/>
        <source>raw</source>
        <translation>исходные</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="203"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="223"/>
        <source>raw records</source>
        <translation>исходные записи</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="223"/>
        <source>processed records</source>
        <translation>обработанные записи</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PdfReport.cpp" line="224"/>
        <source>%1 · %2 · %n outlier(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n выброс</numerusform>
            <numerusform>%1 · %2 · %n выброса</numerusform>
            <numerusform>%1 · %2 · %n выбросов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="234"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="235"/>
        <source>Not analysed: none of its %1 stored values is a number the rule can read.</source>
        <translation>Не проанализировано: ни одно из %1 сохранённых значений не является числом, которое может прочитать правило.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="237"/>
        <source>The values of this type could not be read for the chart.</source>
        <translation>Значения этого типа не удалось прочитать для графика.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>Data type</source>
        <translation>Тип данных</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="281"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="288"/>
        <source>|z| %1 &gt; k = %2</source>
        <translation>|z| %1 &gt; k = %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="289"/>
        <source>flagged by the old job</source>
        <translation>отмечено прежним заданием</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="303"/>
        <source>No outliers in this iteration.</source>
        <translation>В этой итерации выбросов нет.</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="338"/>
        <source>%1 · iteration %2</source>
        <translation>%1 · итерация %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="339"/>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="342"/>
        <source>Cannot finish the report %1. Choose another folder.</source>
        <translation>Не удалось завершить отчёт %1. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ReportExport</name>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="15"/>
        <source>Export &amp;report (PDF)…</source>
        <translation>Экспорт &amp;отчёта (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="32"/>
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="34"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/ReportExport.cpp" line="51"/>
        <source>Reading the values of every data type for the report…</source>
        <translation>Чтение значений всех типов данных для отчёта…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ReportExport.cpp" line="74"/>
        <source>Saved the report to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Отчёт сохранён в %1 (%n страница).</numerusform>
            <numerusform>Отчёт сохранён в %1 (%n страницы).</numerusform>
            <numerusform>Отчёт сохранён в %1 (%n страниц).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::ui::TypeCard</name>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="31"/>
        <source>Click or press Enter for the detailed chart.</source>
        <translation>Щёлкните или нажмите Enter, чтобы открыть подробный график.</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="46"/>
        <source>Needs attention</source>
        <translation>Требуется внимание</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="48"/>
        <source>All good</source>
        <translation>Все хорошо</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="52"/>
        <source>Not analysed</source>
        <translation>Не проанализировано</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="64"/>
        <source>raw records</source>
        <translation>исходные записи</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="64"/>
        <source>processed records</source>
        <translation>обработанные записи</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="65"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="66"/>
        <source>%1 in %2, %3</source>
        <translation>%1 в %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="68"/>
        <source>%1 rows, %2 skipped, %3 outliers</source>
        <translation>строк: %1, пропущено: %2, выбросов: %3</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="73"/>
        <source>no value is a number the rule can read</source>
        <translation>ни одно значение не является числом, которое может прочитать правило</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="75"/>
        <source>Stored as %1</source>
        <translation>Хранится как %1</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="148"/>
        <source>raw</source>
        <translation>исходные</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="148"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="155"/>
        <source>%1 rows · %2 skipped · %3 outliers</source>
        <translation>строк: %1 · пропущено: %2 · выбросов: %3</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="166"/>
        <source>No value is a number the rule can read: not analysed.</source>
        <translation>Ни одно значение не является числом: не проанализировано.</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="172"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
</context>
</TS>
