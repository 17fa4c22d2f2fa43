#include "ui/export/FileNames.h"

namespace fo::ui {

QString fileNamePart(QString text)
{
    for (QChar &c : text) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('@') || c == QLatin1Char('.') || c == QLatin1Char('-')
              || c == QLatin1Char('_')))
            c = QLatin1Char('_');
    }
    return text;
}

} // namespace fo::ui
