#pragma once

#include <QLoggingCategory>

// The desktop's categories: fo.<layer>.<part>, as core's fo.core.* and the command's fo.app.*.
Q_DECLARE_LOGGING_CATEGORY(lcUiShell)
Q_DECLARE_LOGGING_CATEGORY(lcUiRun)
Q_DECLARE_LOGGING_CATEGORY(lcUiI18n)
Q_DECLARE_LOGGING_CATEGORY(lcUiAuth)
Q_DECLARE_LOGGING_CATEGORY(lcUiKeychain)
