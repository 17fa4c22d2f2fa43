#pragma once

#include <QString>

namespace fo {

// Text from outside (data types, emails, server and driver messages) made safe for a terminal or a log line: every
// control character is shown escaped, so that stored text can neither move the cursor, clear the screen, overwrite
// a line (CR) nor forge a log line (LF). ESC, CR, LF and TAB read \x1b, \r, \n and \t; the other C0 controls, DEL
// and the C1 controls (U+0080..U+009F) read \xNN. Everything else, non-ASCII letters included, is kept as is.
// Every text output of the tool goes through it (the summary, batch lines, errors and warnings on stderr, log
// lines); JSON and CSV have escaping rules of their own and do not.
QString escapeControlChars(const QString &text);

} // namespace fo
