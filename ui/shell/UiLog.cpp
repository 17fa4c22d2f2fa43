#include "ui/shell/UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "ui")
Q_LOGGING_CATEGORY(lcUiAuth, "ui.auth")
Q_LOGGING_CATEGORY(lcUiKeychain, "ui.keychain")
