<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>fo::AuthSession</name>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="74"/>
        <source>%1 failed: the auth API at %2 answered HTTP %3.</source>
        <translation>%1: ошибка — API авторизации по адресу %2 ответил HTTP %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../signin/AuthSession.cpp" line="76"/>
        <source>%1 failed: the auth API at %2 did not answer within %n second(s). Check the address in the settings and that the service is running.</source>
        <translation>
            <numerusform>%1: ошибка — API авторизации по адресу %2 не ответил за %n секунду. Проверьте адрес в настройках и что сервис запущен.</numerusform>
            <numerusform>%1: ошибка — API авторизации по адресу %2 не ответил за %n секунды. Проверьте адрес в настройках и что сервис запущен.</numerusform>
            <numerusform>%1: ошибка — API авторизации по адресу %2 не ответил за %n секунд. Проверьте адрес в настройках и что сервис запущен.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="79"/>
        <source>%1 failed: cannot reach the auth API at %2 (%3). Check the address in the settings and your network.</source>
        <translation>%1: ошибка — нет связи с API авторизации по адресу %2 (%3). Проверьте адрес в настройках и сеть.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="87"/>
        <source>Enter a test-account login.</source>
        <translation>Введите логин тестовой учётной записи.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="93"/>
        <source>The auth API address “%1” is not a valid http(s) URL.</source>
        <translation>Адрес API авторизации «%1» не является корректным http(s) URL.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="110"/>
        <source>The auth API does not know the test-account login “%1”. Check the login and try again.</source>
        <translation>API авторизации не знает логин тестовой учётной записи «%1». Проверьте логин и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="115"/>
        <source>Signing in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="128"/>
        <source>The auth API at %1 answered without an access token.</source>
        <translation>API авторизации по адресу %1 ответил без токена доступа.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="170"/>
        <source>The auth API at %1 no longer accepts this session. Sign in again.</source>
        <translation>API авторизации по адресу %1 больше не принимает этот сеанс. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="174"/>
        <source>Reading the signed-in user</source>
        <translation>Чтение данных вошедшего пользователя</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="185"/>
        <source>The auth API at %1 answered users/me without an email.</source>
        <translation>API авторизации по адресу %1 ответил на users/me без адреса почты.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="200"/>
        <source>The session has expired and there is no refresh token. Sign in again.</source>
        <translation>Сеанс истёк, а токена обновления нет. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="219"/>
        <source>The session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="223"/>
        <source>Renewing the session</source>
        <translation>Продление сеанса</translation>
    </message>
    <message>
        <location filename="../../signin/AuthSession.cpp" line="229"/>
        <source>The auth API at %1 answered the refresh without an access token.</source>
        <translation>API авторизации по адресу %1 ответил на обновление без токена доступа.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ChartPanel</name>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="22"/>
        <source>Zoom in</source>
        <translation>Приблизить</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="23"/>
        <source>Zoom in (+, the wheel, or drag a rectangle)</source>
        <translation>Приблизить (+, колесо мыши или выделение прямоугольника)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="24"/>
        <source>Zoom out</source>
        <translation>Отдалить</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="25"/>
        <source>Zoom out (−, or the wheel)</source>
        <translation>Отдалить (− или колесо мыши)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="26"/>
        <source>Reset zoom</source>
        <translation>Сбросить масштаб</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="28"/>
        <source>Show everything (Home)</source>
        <translation>Показать всё (Home)</translation>
    </message>
    <message>
        <location filename="../../ui/ChartPanel.cpp" line="31"/>
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
        <location filename="../../ui/ExportActions.cpp" line="69"/>
        <source>Save chart as PNG</source>
        <translation>Сохранить график как PNG</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="69"/>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="76"/>
        <source>Saved the chart to %1.</source>
        <translation>График сохранён в %1.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportActions.cpp" line="78"/>
        <source>Cannot write the image %1. Choose another folder.</source>
        <translation>Не удалось записать изображение %1. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ExportDialog</name>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="20"/>
        <source>&amp;Outliers only (one row per outlier)</source>
        <translation>&amp;Только выбросы (строка на каждый выброс)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="21"/>
        <source>&amp;All points (every numeric value, with an is_outlier column)</source>
        <translation>&amp;Все точки (каждое числовое значение, со столбцом is_outlier)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="25"/>
        <location filename="../../ui/ExportDialog.cpp" line="117"/>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="31"/>
        <source>Columns: email, iteration, source (raw or processed), data type, record id, time (UTC), value, z, mean, std, k and unit; when two iterations are compared, also whether each outlier is new or persisting.</source>
        <translation>Столбцы: email, итерация, источник (сырые или обработанные), тип данных, id записи, время (UTC), значение, z, среднее, std, k и единица измерения; при сравнении двух итераций — ещё и новый ли выброс или сохранившийся.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="38"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="44"/>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="48"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="117"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="136"/>
        <source>Replace the file?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="137"/>
        <source>%1 already exists.</source>
        <translation>%1 уже существует.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="141"/>
        <source>Replace it with this export, or go back and choose another name.</source>
        <translation>Замените его этим экспортом или вернитесь и выберите другое имя.</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="142"/>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <location filename="../../ui/ExportDialog.cpp" line="144"/>
        <source>Choose another name</source>
        <translation>Выбрать другое имя</translation>
    </message>
</context>
<context>
    <name>fo::ui::HistoryController</name>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="21"/>
        <source>Cannot read the stored iterations: %1</source>
        <translation>Не удалось прочитать сохранённые итерации: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="38"/>
        <source>Cannot open the iteration: %1</source>
        <translation>Не удалось открыть итерацию: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="43"/>
        <source>The previous iteration could not be loaded for the comparison: %1</source>
        <translation>Не удалось загрузить предыдущую итерацию для сравнения: %1</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryController.cpp" line="59"/>
        <source>Reading the stored iterations of %1…</source>
        <translation>Чтение сохранённых итераций %1…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="40"/>
        <source>Reading iteration #%1 and #%2, the one before…</source>
        <translation>Чтение итерации №%1 и предыдущей, №%2…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="43"/>
        <source>Reading iteration #%1…</source>
        <translation>Чтение итерации №%1…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="48"/>
        <source>Reading the outliers and the values to chart: %1 of about %2 rows</source>
        <translation>Чтение выбросов и значений для графиков: строк %1 из примерно %2</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="54"/>
        <source>Comparing…</source>
        <translation>Сравнение…</translation>
    </message>
    <message>
        <location filename="../../ui/history/HistoryController.cpp" line="59"/>
        <source>Reading every value of the type shown first: %1 rows</source>
        <translation>Чтение всех значений типа, показанного первым: строк %1</translation>
    </message>
</context>
<context>
    <name>fo::ui::HistoryPanel</name>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="33"/>
        <source>Open and compare</source>
        <translation>Открыть и сравнить</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="34"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="49"/>
        <source>Show this iteration compared with the one before it</source>
        <translation>Показать эту итерацию в сравнении с предыдущей</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="68"/>
        <source>Outliers per iteration</source>
        <translation>Выбросы по итерациям</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="89"/>
        <source>Enter a user&apos;s email to see their stored iterations.</source>
        <translation>Введите адрес почты пользователя, чтобы увидеть его сохранённые итерации.</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>Iteration</source>
        <translation>Итерация</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <location filename="../../ui/HistoryPanel.cpp" line="157"/>
        <source>Raw</source>
        <translation>Сырые</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <location filename="../../ui/HistoryPanel.cpp" line="159"/>
        <source>Processed</source>
        <translation>Обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>Started by</source>
        <translation>Кто запустил</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="103"/>
        <source>k raw / processed</source>
        <translation>k сырые / обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="105"/>
        <source>The thresholds the iteration was computed with: compare iterations with care when they differ</source>
        <translation>Пороги, с которыми вычислена итерация: сравнивайте итерации осторожно, если они различаются</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="123"/>
        <source>%1 / %2 (old job)</source>
        <translation>%1 / %2 (старая задача)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="129"/>
        <source>old job</source>
        <translation>старая задача</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="131"/>
        <source>scheduled (headless)</source>
        <translation>по расписанию (без окна)</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryPanel.cpp" line="138"/>
        <source>No stored iterations for %1 yet.</source>
        <translation>Для %1 пока нет сохранённых итераций.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/HistoryPanel.cpp" line="139"/>
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
        <location filename="../../ui/MainWindow.cpp" line="46"/>
        <location filename="../../ui/MainWindowHost.cpp" line="59"/>
        <source>Find outliers</source>
        <translation>Поиск выбросов</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="101"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="105"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="108"/>
        <source>&amp;Account</source>
        <translation>&amp;Учётная запись</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="109"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="110"/>
        <source>Sign &amp;out</source>
        <translation>В&amp;ыйти из учётной записи</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="112"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="113"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Сбросить масштаб</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="115"/>
        <source>Check &amp;services</source>
        <translation>Проверить &amp;сервисы</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="117"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="118"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="121"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="122"/>
        <source>&amp;How outliers are found</source>
        <translation>&amp;Как находятся выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="123"/>
        <source>How outliers are found</source>
        <translation>Как находятся выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="128"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="132"/>
        <source>&amp;About Find outliers</source>
        <translation>&amp;О программе «Поиск выбросов»</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="133"/>
        <source>About Find outliers</source>
        <translation>О программе «Поиск выбросов»</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="134"/>
        <source>&lt;h3&gt;Find outliers %1&lt;/h3&gt;&lt;p&gt;Flags z-score outliers in a person&apos;s health records and records what it found, exactly as the platform&apos;s job does.&lt;/p&gt;&lt;p&gt;A value is an outlier when |z| = |value − mean| / std &gt; k, per data type.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Поиск выбросов %1&lt;/h3&gt;&lt;p&gt;Находит выбросы по z-оценке в медицинских записях человека и сохраняет найденное — в точности как задача платформы.&lt;/p&gt;&lt;p&gt;Значение — выброс, если |z| = |значение − среднее| / std &gt; k, отдельно для каждого типа данных.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="222"/>
        <source>&lt;b&gt;The system keychain is not available&lt;/b&gt; (%1). Your sign-in and the database password are kept in memory for this session only; you will have to enter them again next time.</source>
        <translation>&lt;b&gt;Системное хранилище паролей недоступно&lt;/b&gt; (%1). Данные входа и пароль базы данных хранятся в памяти только на время этого сеанса; в следующий раз их придётся ввести снова.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="365"/>
        <source>“%1” is not a valid email address. Correct it and press Run again.</source>
        <translation>«%1» — некорректный адрес почты. Исправьте его и снова нажмите «Запустить».</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="378"/>
        <source>Sign in to run: the run is recorded under your name. (A dry run needs no sign-in.)</source>
        <translation>Войдите, чтобы запустить: запуск записывается под вашим именем. (Для пробного запуска вход не нужен.)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="398"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="408"/>
        <source>No records for this user</source>
        <translation>У пользователя нет записей</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="409"/>
        <source>The database has no records for %1.</source>
        <translation>В базе данных нет записей для %1.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="413"/>
        <source>A run finds nothing to check, but still stores an empty iteration under your name. Check the address first, or run anyway.</source>
        <translation>Запуску нечего проверять, но он всё равно сохранит пустую итерацию под вашим именем. Сначала проверьте адрес или всё же запустите.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="415"/>
        <source>Notify the user of this run</source>
        <translation>Уведомить пользователя об этом запуске</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="419"/>
        <source>Run anyway</source>
        <translation>Всё равно запустить</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="437"/>
        <source>A run is in progress</source>
        <translation>Идёт запуск</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="438"/>
        <source>The run for %1 has not finished.</source>
        <translation>Запуск для %1 ещё не завершён.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="442"/>
        <source>Cancel it and quit: nothing of it is written, the user is told that the analysis did not complete, and the run flag goes back to &quot;false&quot; before the window closes. Or keep running and close the window later.</source>
        <translation>Отменить его и выйти: ничего из него не будет записано, пользователь узнает, что анализ не завершён, а флаг запуска вернётся в &quot;false&quot; до закрытия окна. Или продолжить запуск и закрыть окно позже.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="445"/>
        <source>Cancel the run and quit</source>
        <translation>Отменить запуск и выйти</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="447"/>
        <source>Keep running</source>
        <translation>Продолжить запуск</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="476"/>
        <source>Cancelling… nothing will be written.</source>
        <translation>Отмена… ничего не будет записано.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="498"/>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="516"/>
        <source>The run failed and nothing was written: %1</source>
        <translation>Запуск не удался, ничего не записано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="519"/>
        <source>The run was cancelled: nothing was written and the run flag is back to &quot;false&quot;.</source>
        <translation>Запуск отменён: ничего не записано, флаг запуска снова &quot;false&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="526"/>
        <source>The run finished with warnings:</source>
        <translation>Запуск завершён с предупреждениями:</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="569"/>
        <source>Opening iteration #%1 of %2…</source>
        <translation>Открытие итерации №%1 для %2…</translation>
    </message>
</context>
<context>
    <name>fo::ui::MainWindowHost</name>
    <message>
        <location filename="../../ui/MainWindowHost.cpp" line="46"/>
        <source>The language changes when the run has finished.</source>
        <translation>Язык сменится, когда запуск завершится.</translation>
    </message>
</context>
<context>
    <name>fo::ui::OutlierChartView</name>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="70"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="72"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="81"/>
        <source>Band: mean ± k·std</source>
        <translation>Полоса ± k·std</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="89"/>
        <source>Mean</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="94"/>
        <source>Values</source>
        <translation>Значения</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="99"/>
        <location filename="../../ui/OutlierChartView.cpp" line="167"/>
        <source>Outliers (|z| &gt; k)</source>
        <translation>Выбросы (|z| &gt; k)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="100"/>
        <source>Persisting outliers</source>
        <translation>Сохранившиеся выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="101"/>
        <source>Resolved outliers</source>
        <translation>Исчезнувшие выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="102"/>
        <source>Selected</source>
        <translation>Выбрано</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="129"/>
        <source>Select a data type to see its chart</source>
        <translation>Выберите тип данных, чтобы увидеть его график</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="167"/>
        <source>New outliers</source>
        <translation>Новые выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="210"/>
        <source>raw records</source>
        <translation>сырые записи</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="210"/>
        <source>processed records</source>
        <translation>обработанные записи</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="211"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="213"/>
        <source>mean %1, std %2, k = %3</source>
        <translation>среднее %1, std %2, k = %3</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="487"/>
        <source>&lt;b&gt;%1 UTC&lt;/b&gt;&lt;br&gt;Value: %2&lt;br&gt;z: %3</source>
        <translation>&lt;b&gt;%1 UTC&lt;/b&gt;&lt;br&gt;Значение: %2&lt;br&gt;z: %3</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="490"/>
        <source>&lt;span style=&apos;color:#d93025&apos;&gt;Outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d93025&apos;&gt;Выброс: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="494"/>
        <source>&lt;span style=&apos;color:#d93025&apos;&gt;New outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d93025&apos;&gt;Новый выброс: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="498"/>
        <source>&lt;span style=&apos;color:#0072b2&apos;&gt;Persisting outlier: |z| %1 &amp;gt; k = %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#0072b2&apos;&gt;Сохранившийся выброс: |z| %1 &amp;gt; k = %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="502"/>
        <source>Resolved: an outlier in the previous iteration only</source>
        <translation>Исчез: был выбросом только в предыдущей итерации</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="507"/>
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
        <translation>Мин.–макс.</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierChartView.cpp" line="433"/>
        <source>Mean per pixel</source>
        <translation>Среднее в столбце</translation>
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
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="101"/>
        <source>persisting</source>
        <translation>сохранился</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="103"/>
        <source>resolved</source>
        <translation>исчез</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="105"/>
        <source>outlier</source>
        <translation>выброс</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="166"/>
        <source>raw</source>
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="166"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="177"/>
        <source>z unknown (stored by the old job)</source>
        <translation>z неизвестен (записано старой задачей)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="179"/>
        <source>was |z| %1 &gt; %2</source>
        <translation>был |z| %1 &gt; %2</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="180"/>
        <source>|z| %1 &gt; k %2  (%3× k)</source>
        <translation>|z| %1 &gt; k %2  (%3× k)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="221"/>
        <source>z = (value − mean) / std = (%1 − %2) / %3 = %4; a point is an outlier when |z| &gt; k = %5</source>
        <translation>z = (значение − среднее) / std = (%1 − %2) / %3 = %4; точка — выброс, если |z| &gt; k = %5</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="236"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="238"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="240"/>
        <source>Data type</source>
        <translation>Тип данных</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="242"/>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="244"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="246"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="248"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../ui/OutlierTableModel.cpp" line="250"/>
        <source>Mean</source>
        <translation>Среднее</translation>
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
        <translation>id записи</translation>
    </message>
</context>
<context>
    <name>fo::ui::QueryWorker</name>
    <message>
        <location filename="../../ui/QueryWorker.cpp" line="213"/>
        <source>Exported to %1.</source>
        <translation>Экспортировано в %1.</translation>
    </message>
</context>
<context>
    <name>fo::DatabaseProbe</name>
    <message>
        <location filename="../../core/DatabaseProbe.cpp" line="171"/>
        <source>Running a test query</source>
        <translation>Выполнение тестового запроса</translation>
    </message>
    <message>
        <location filename="../../core/DatabaseProbe.cpp" line="174"/>
        <source>Connected to %1.</source>
        <translation>Подключено к %1.</translation>
    </message>
</context>
<context>
    <name>fo::ui::ResultsPanel</name>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="74"/>
        <source>Data types</source>
        <translation>Типы данных</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="76"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="104"/>
        <source>Cannot load the values of %1: %2</source>
        <translation>Не удалось загрузить значения %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="128"/>
        <source>Outliers</source>
        <translation>Выбросы</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="237"/>
        <source>No numeric values for this user</source>
        <translation>У этого пользователя нет числовых значений</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="270"/>
        <source>raw</source>
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="270"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ResultsPanel.cpp" line="272"/>
        <source>Outliers of %1 (%2): %n row(s)</source>
        <translation>
            <numerusform>Выбросы %1 (%2): %n строка</numerusform>
            <numerusform>Выбросы %1 (%2): %n строки</numerusform>
            <numerusform>Выбросы %1 (%2): %n строк</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ResultsPanel.cpp" line="288"/>
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
        <location filename="../../ui/RunControls.cpp" line="47"/>
        <source>Raw records: a value is an outlier when |z| &gt; k</source>
        <translation>Сырые записи: значение — выброс, если |z| &gt; k</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="48"/>
        <source>Processed (daily) records: a value is an outlier when |z| &gt; k</source>
        <translation>Обработанные (суточные) записи: значение — выброс, если |z| &gt; k</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="52"/>
        <source>Send the start and completion messages to the user, as the platform&apos;s job does</source>
        <translation>Отправить пользователю сообщения о начале и завершении, как это делает задача платформы</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="54"/>
        <source>Compute and show the outliers; write nothing, set no flag, send no message</source>
        <translation>Вычислить и показать выбросы; ничего не записывать, не ставить флаг, не отправлять сообщений</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="69"/>
        <source>User &amp;email:</source>
        <translation>&amp;Почта пользователя:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="77"/>
        <source>Raw k:</source>
        <translation>k сырых:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="80"/>
        <source>Processed k:</source>
        <translation>k обработанных:</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="212"/>
        <source>Enter the email of the user whose records you want to check.</source>
        <translation>Введите адрес почты пользователя, записи которого нужно проверить.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="215"/>
        <source>“%1” is not a valid email address.</source>
        <translation>«%1» — некорректный адрес почты.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="218"/>
        <source>✔ Valid address, but the database has no records for it.</source>
        <translation>✔ Адрес корректен, но в базе данных нет записей для него.</translation>
    </message>
    <message>
        <location filename="../../ui/RunControls.cpp" line="221"/>
        <source>✔ Valid address.</source>
        <translation>✔ Адрес корректен.</translation>
    </message>
</context>
<context>
    <name>fo::ui::RunSummaryRow</name>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="18"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="35"/>
        <source>Enter a user&apos;s email and press Run, or open a stored iteration under History.</source>
        <translation>Введите адрес почты пользователя и нажмите «Запустить» или откройте сохранённую итерацию во вкладке «История».</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="152"/>
        <source>Reading raw records: %1 of %2 rows (%3%)</source>
        <translation>Чтение сырых записей: %1 из %2 строк (%3%)</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="153"/>
        <source>Reading processed records: %1 of %2 rows (%3%)</source>
        <translation>Чтение обработанных записей: %1 из %2 строк (%3%)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSummaryRow.cpp" line="156"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>осталось около %n минуты</numerusform>
            <numerusform>осталось около %n минут</numerusform>
            <numerusform>осталось около %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/RunSummaryRow.cpp" line="158"/>
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>осталось около %n секунды</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
            <numerusform>осталось около %n секунд</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="182"/>
        <source>Connecting to the database…</source>
        <translation>Подключение к базе данных…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="184"/>
        <source>Waiting for other runs for this user…</source>
        <translation>Ожидание других запусков для этого пользователя…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="186"/>
        <source>Setting the run flag…</source>
        <translation>Установка флага запуска…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="188"/>
        <source>Notifying the user of the start…</source>
        <translation>Уведомление пользователя о начале…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="190"/>
        <source>Reading raw records: %1 rows</source>
        <translation>Чтение сырых записей: %1 строк</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="192"/>
        <source>Reading processed records: %1 rows</source>
        <translation>Чтение обработанных записей: %1 строк</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="194"/>
        <source>Detecting outliers…</source>
        <translation>Поиск выбросов…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="196"/>
        <source>Writing: %1 outliers</source>
        <translation>Запись: %1 выбросов</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="198"/>
        <source>Notifying the user of the result…</source>
        <translation>Уведомление пользователя о результате…</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="200"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="211"/>
        <source>completed</source>
        <translation>завершена</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="214"/>
        <source>dry run, nothing written</source>
        <translation>пробный запуск, ничего не записано</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="217"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="220"/>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="226"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · dry run at %2 UTC</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · пробный запуск в %2 UTC</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="228"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · iteration #%2 · %3 UTC · %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · итерация №%2 · %3 UTC · %4</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="237"/>
        <location filename="../../ui/RunSummaryRow.cpp" line="238"/>
        <source>%1 outliers</source>
        <translation>выбросов: %1</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="241"/>
        <source> · raw: %1 rows, %2 · processed: %3 rows, %4</source>
        <translation> · сырые: строк %1, %2 · обработанные: строк %3, %4</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="245"/>
        <source> · raw: %1 · processed: %2</source>
        <translation> · сырые: %1 · обработанные: %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="253"/>
        <source>%1 new</source>
        <translation>новых: %1</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="257"/>
        <source>Compared with iteration #%1: %2, %3 resolved, %4 persisting</source>
        <translation>В сравнении с итерацией №%1: %2, исчезли: %3, сохранились: %4</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="263"/>
        <source>raw k %1 → %2</source>
        <translation>k сырых %1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="265"/>
        <source>processed k %1 → %2</source>
        <translation>k обработанных %1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/RunSummaryRow.cpp" line="269"/>
        <source>The thresholds differ (%1): part of the change comes from them, not from the data.</source>
        <translation>Пороги различаются (%1): часть изменений вызвана ими, а не данными.</translation>
    </message>
</context>
<context>
    <name>fo::SecretStore</name>
    <message>
        <location filename="../../signin/SecretStore.cpp" line="89"/>
        <source>the system keychain is locked</source>
        <translation>системное хранилище паролей заблокировано</translation>
    </message>
    <message numerus="yes">
        <location filename="../../signin/SecretStore.cpp" line="116"/>
        <location filename="../../signin/SecretStore.cpp" line="161"/>
        <location filename="../../signin/SecretStore.cpp" line="199"/>
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
    <message>
        <location filename="../../ui/status/ServiceIndicator.cpp"/>
        <source>answers, but not as expected</source>
        <translation>отвечает, но не так, как ожидалось</translation>
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
    <name>fo::RedisProbe</name>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="29"/>
        <source>Redis is not configured: the run flag is skipped.</source>
        <translation>Redis не настроен: флаг запуска не ставится.</translation>
    </message>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="38"/>
        <source>Redis at %1 answers.</source>
        <translation>Redis по адресу %1 отвечает.</translation>
    </message>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="40"/>
        <source>%1 answered, but not like a Redis server.</source>
        <translation>%1 ответил, но не как сервер Redis.</translation>
    </message>
    <message>
        <location filename="../../core/RedisProbe.cpp" line="45"/>
        <source>Cannot reach Redis at %1: %2</source>
        <translation>Нет связи с Redis по адресу %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/RedisProbe.cpp" line="50"/>
        <source>Redis at %1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>Redis по адресу %1 не ответил за %n секунду.</numerusform>
            <numerusform>Redis по адресу %1 не ответил за %n секунды.</numerusform>
            <numerusform>Redis по адресу %1 не ответил за %n секунд.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fo::HttpProbe</name>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="68"/>
        <location filename="../../core/HttpProbe.cpp" line="99"/>
        <source>Not configured.</source>
        <translation>Не настроено.</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="73"/>
        <location filename="../../core/HttpProbe.cpp" line="105"/>
        <source>“%1” is not a valid http(s) URL.</source>
        <translation>«%1» — некорректный http(s) URL.</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="83"/>
        <location filename="../../core/HttpProbe.cpp" line="120"/>
        <source>%1 answers (HTTP %2).</source>
        <translation>%1 отвечает (HTTP %2).</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="85"/>
        <location filename="../../core/HttpProbe.cpp" line="116"/>
        <source>Cannot reach %1: %2</source>
        <translation>Нет связи с %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="118"/>
        <source>%1 answers (HTTP %2: %3).</source>
        <translation>%1 отвечает (HTTP %2: %3).</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp" line="123"/>
        <source>%1 is reachable, but answered HTTP %2: check the address.</source>
        <translation>%1 доступен, но ответил HTTP %2: проверьте адрес.</translation>
    </message>
    <message>
        <location filename="../../core/HttpProbe.cpp"/>
        <source>the send_email endpoint is there</source>
        <translation>адрес send_email на месте</translation>
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
        <location filename="../../ui/SettingsDialog.cpp" line="87"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="90"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="91"/>
        <source>SQLite (a local file)</source>
        <translation>SQLite (локальный файл)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="95"/>
        <source>kept in the system keychain</source>
        <translation>хранится в системном хранилище паролей</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="113"/>
        <source>empty: no run flag</source>
        <translation>пусто: без флага запуска</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="114"/>
        <source>empty: no notifications</source>
        <translation>пусто: без уведомлений</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="120"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="128"/>
        <location filename="../../ui/SettingsDialog.cpp" line="142"/>
        <location filename="../../ui/SettingsDialog.cpp" line="143"/>
        <location filename="../../ui/SettingsDialog.cpp" line="144"/>
        <source>Test connection</source>
        <translation>Проверить соединение</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="130"/>
        <source>Engine:</source>
        <translation>СУБД:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="131"/>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="132"/>
        <location filename="../../ui/SettingsDialog.cpp" line="158"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="133"/>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="134"/>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="135"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="346"/>
        <source>the auth API asks for a sign-in, as it should</source>
        <translation>API авторизации просит войти, как и должен</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="371"/>
        <source>Not configured: runs set no &quot;job is active&quot; flag.</source>
        <translation>Не настроено: запуски не ставят флаг &quot;задача активна&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="45"/>
        <location filename="../../ui/SettingsDialog.cpp" line="138"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="41"/>
        <source>Host</source>
        <translation>Хост</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="42"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="43"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="44"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="46"/>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="47"/>
        <source>Redis port</source>
        <translation>Порт Redis</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="48"/>
        <location filename="../../ui/SettingsDialog.cpp" line="348"/>
        <source>Auth API</source>
        <translation>API авторизации</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="49"/>
        <location filename="../../ui/SettingsDialog.cpp" line="363"/>
        <source>Notifications API</source>
        <translation>API уведомлений</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="148"/>
        <source>Auth API:</source>
        <translation>API авторизации:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="150"/>
        <source>Notifications API:</source>
        <translation>API уведомлений:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="161"/>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="163"/>
        <source>Services</source>
        <translation>Сервисы</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="167"/>
        <source>Raw records, k:</source>
        <translation>Сырые записи, k:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="168"/>
        <source>Processed records, k:</source>
        <translation>Обработанные записи, k:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="169"/>
        <source>A value is an outlier when |z| &gt; k. The platform&apos;s job uses 3 for raw and 2 for processed records.</source>
        <translation>Значение — выброс, если |z| &gt; k. Задача платформы использует 3 для сырых и 2 для обработанных записей.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="174"/>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="178"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="179"/>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="287"/>
        <source>path of the SQLite file</source>
        <translation>путь к файлу SQLite</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="298"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="329"/>
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
        <location filename="../../ui/SignInDialog.cpp" line="116"/>
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
</context>
<context>
    <name>fo::ui::TypeNames</name>
    <message>
        <location filename="../../ui/text/TypeNames.h" line="23"/>
        <source>(no type)</source>
        <translation>(нет типа)</translation>
    </message>
    <message>
        <location filename="../../ui/text/TypeNames.h" line="41"/>
        <source>Stored without a data type (NULL)</source>
        <translation>Хранится без типа данных (NULL)</translation>
    </message>
    <message>
        <location filename="../../ui/text/TypeNames.h" line="42"/>
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
        <translation>сырые записи</translation>
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
        <translation>сырые записи</translation>
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
    <message>
        <location filename="../../ui/results/OverviewGrid.cpp" line="51"/>
        <source>Cannot read every value for the report: %1</source>
        <translation>Не удалось прочитать все значения для отчёта: %1</translation>
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
        <translation>Пороги: k = %1 для сырых записей, k = %2 для обработанных (суточные итоги)</translation>
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
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="203"/>
        <source>processed</source>
        <translation>обработанные</translation>
    </message>
    <message>
        <location filename="../../ui/PdfReport.cpp" line="223"/>
        <source>raw records</source>
        <translation>сырые записи</translation>
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
    <message numerus="yes">
        <location filename="../../ui/TypeCard.cpp" line="59"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln строка</numerusform>
            <numerusform>%Ln строки</numerusform>
            <numerusform>%Ln строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/TypeCard.cpp" line="60"/>
        <source>%Ln skipped</source>
        <comment>rows</comment>
        <translation>
            <numerusform>%Ln пропущена</numerusform>
            <numerusform>%Ln пропущены</numerusform>
            <numerusform>%Ln пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/TypeCard.cpp" line="61"/>
        <source>%Ln outlier(s)</source>
        <translation>
            <numerusform>%Ln выброс</numerusform>
            <numerusform>%Ln выброса</numerusform>
            <numerusform>%Ln выбросов</numerusform>
        </translation>
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
        <translation>сырые записи</translation>
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
        <location filename="../../ui/TypeCard.cpp" line="73"/>
        <source>no value is a number the rule can read</source>
        <translation>ни одно значение не является числом, которое может прочитать правило</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="148"/>
        <source>raw</source>
        <translation>сырые</translation>
    </message>
    <message>
        <location filename="../../ui/TypeCard.cpp" line="148"/>
        <source>processed</source>
        <translation>обработанные</translation>
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
    <message>
        <location filename="../../ui/results/TypeCard.cpp" line="108"/>
        <source>Small chart drawn from %1 of %2 values (1 in %3); open the type for all of them.</source>
        <translation>Малый график построен по %1 из %2 значений (1 из %3); откройте тип, чтобы увидеть все.</translation>
    </message>
    <message>
        <location filename="../../ui/results/TypeCard.cpp" line="244"/>
        <source>chart: 1 in %1</source>
        <translation>график: 1 из %1</translation>
    </message>
    <message>
        <location filename="../../ui/results/TypeCard.cpp" line="220"/>
        <source>1 in %1</source>
        <translation>1 из %1</translation>
    </message>
</context>
<context>
    <name>fo::ui::help</name>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="54"/>
        <source>&lt;h3&gt;How outliers are found&lt;/h3&gt;&lt;p&gt;Each data type of a user (heart rate, steps, SpO2…) is checked on its own, separately for raw records and for the daily processed records.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Every value that reads as a number counts; text such as “120/80” or “n/a”, and values that are not finite, are skipped (the &lt;i&gt;Skipped&lt;/i&gt; column counts them).&lt;/li&gt;&lt;li&gt;The mean and the standard deviation (std, of the whole population) of those numbers are computed exactly as the platform&apos;s Python job computes them.&lt;/li&gt;&lt;li&gt;For each value, z = (value − mean) / std says how many standard deviations it lies from the mean.&lt;/li&gt;&lt;li&gt;A value is an &lt;b&gt;outlier&lt;/b&gt; when |z| &amp;gt; k: k = 3 for raw records and k = 2 for processed records by default (the thresholds beside Run). |z| equal to k is not an outlier; when std is 0 (all values equal), nothing is.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The chart shades the band mean ± k·std: the outliers are the points outside it. The &lt;i&gt;Why&lt;/i&gt; column of the outliers table gives |z|, k and how many times k the |z| is.&lt;/p&gt;&lt;p&gt;A run that is not a dry run stores the outliers as a new iteration, as the job does; &lt;i&gt;History&lt;/i&gt; compares an iteration with the one before it: &lt;b&gt;new&lt;/b&gt; outliers, &lt;b&gt;persisting&lt;/b&gt; ones, and &lt;b&gt;resolved&lt;/b&gt; ones (outliers before, not any more). When the thresholds of the two differ, some of the change comes from the thresholds, not from the data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Как находятся выбросы&lt;/h3&gt;&lt;p&gt;Каждый тип данных пользователя (пульс, шаги, SpO2…) проверяется отдельно, и отдельно для сырых записей и для дневных обработанных.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Учитывается каждое значение, которое читается как число; текст вроде «120/80» или «n/a» и бесконечные значения пропускаются (их считает столбец &lt;i&gt;Пропущено&lt;/i&gt;).&lt;/li&gt;&lt;li&gt;Среднее и стандартное отклонение (std, по всей совокупности) этих чисел вычисляются в точности так же, как их вычисляет задача платформы на Python.&lt;/li&gt;&lt;li&gt;Для каждого значения z = (значение − среднее) / std показывает, на сколько стандартных отклонений оно отстоит от среднего.&lt;/li&gt;&lt;li&gt;Значение — &lt;b&gt;выброс&lt;/b&gt;, если |z| &amp;gt; k: по умолчанию k = 3 для сырых записей и k = 2 для обработанных (пороги рядом с кнопкой «Запустить»). |z|, равное k, — не выброс; если std равно 0 (все значения одинаковы), выбросов нет.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;График закрашивает полосу среднее ± k·std: выбросы — точки вне её. Столбец &lt;i&gt;Почему&lt;/i&gt; таблицы выбросов показывает |z|, k и во сколько раз |z| больше k.&lt;/p&gt;&lt;p&gt;Запуск не в пробном режиме сохраняет выбросы как новую итерацию, как это делает задача; &lt;i&gt;История&lt;/i&gt; сравнивает итерацию с предыдущей: &lt;b&gt;новые&lt;/b&gt; выбросы, &lt;b&gt;сохранившиеся&lt;/b&gt; и &lt;b&gt;исчезнувшие&lt;/b&gt; (были выбросами, больше нет). Если пороги двух итераций различаются, часть изменений вызвана порогами, а не данными.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="79"/>
        <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Сочетания клавиш&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="80"/>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="86"/>
        <source>&lt;h4&gt;On the chart&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;На графике&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="87"/>
        <source>Drag</source>
        <translation>Перетаскивание</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="87"/>
        <source>Zoom into the rectangle</source>
        <translation>Приблизить выделенный прямоугольник</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="88"/>
        <source>Wheel, + and −</source>
        <translation>Колесо мыши, + и −</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="88"/>
        <source>Zoom in and out</source>
        <translation>Приблизить и отдалить</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="89"/>
        <source>Shift+drag, middle button, arrow keys</source>
        <translation>Shift+перетаскивание, средняя кнопка, стрелки</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="89"/>
        <source>Pan</source>
        <translation>Сдвиг</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="90"/>
        <source>Show everything (reset the zoom)</source>
        <translation>Показать всё (сбросить масштаб)</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="91"/>
        <source>A row of the outliers table</source>
        <translation>Строка таблицы выбросов</translation>
    </message>
    <message>
        <location filename="../../ui/HelpPages.cpp" line="91"/>
        <source>Centre the chart on that outlier</source>
        <translation>Поставить этот выброс в центр графика</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>&lt;h4&gt;Menu commands&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Команды меню&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>&lt;h4&gt;In the email field&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;В поле адреса&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Home, 0, double-click</source>
        <translation>Home, 0, двойной щелчок</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>&lt;h4&gt;On the Overview&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;На вкладке «Обзор»&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Arrow keys</source>
        <translation>Стрелки</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Move between the data types&apos; cards</source>
        <translation>Переход между карточками типов данных</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Home, End</source>
        <translation>Home, End</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>The first card, the last card</source>
        <translation>Первая и последняя карточка</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Enter, Space</source>
        <translation>Enter, пробел</translation>
    </message>
    <message>
        <location filename="../../ui/shell/HelpPages.cpp"/>
        <source>Open the card&apos;s type on the Detail tab</source>
        <translation>Открыть тип карточки на вкладке «Подробно»</translation>
    </message>
</context>
</TS>
