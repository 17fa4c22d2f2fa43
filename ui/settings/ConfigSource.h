#pragma once

#include "core/Config.h"

#include <functional>

namespace fo::ui {

// Where a part of the window gets the configuration to use now: the window's settings, with the database password
// from the keychain. Asked at each request, so that a change in the settings applies to the next one.
using ConfigSource = std::function<fo::Config()>;

} // namespace fo::ui
