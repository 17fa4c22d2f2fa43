#include "signin/SigninLog.h"

Q_LOGGING_CATEGORY(lcAuth, "fo.signin.auth")
Q_LOGGING_CATEGORY(lcKeychain, "fo.signin.keychain")
