#include "ui/shell/UiLog.h"

Q_LOGGING_CATEGORY(lcUiShell, "fo.ui.shell")
Q_LOGGING_CATEGORY(lcUiRun, "fo.ui.run")
Q_LOGGING_CATEGORY(lcUiI18n, "fo.ui.i18n")
Q_LOGGING_CATEGORY(lcUiAuth, "fo.ui.auth")
Q_LOGGING_CATEGORY(lcUiKeychain, "fo.ui.keychain")
