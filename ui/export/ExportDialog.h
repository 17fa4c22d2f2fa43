#pragma once

#include <QDialog>

class QLineEdit;
class QRadioButton;

namespace fo::ui {

// File → Export CSV: outliers only or all points, and where to write (the same format as headless --csv).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(QWidget *parent = nullptr);

    void setPath(const QString &path);
    // The default file names, one per mode (outliers only, all points), so that one export never silently replaces
    // the other: find-outliers_<email>_<run>_<mode>.csv in `folder`. Switching the mode switches the name unless the
    // operator has typed another one. `run` is "iteration-N" or "dry-run".
    void setDefaultNames(const QString &folder, const QString &email, const QString &run);
    static QString defaultName(const QString &email, const QString &run, bool allPoints);
    QString path() const;
    bool allPoints() const;
    void setAllPoints(bool allPoints);

Q_SIGNALS:
    void exportRequested(const QString &path, bool allPoints);

private:
    void browse();
    void submit();
    void emitAndAccept();
    void onModeChanged();

    QRadioButton *m_outliersOnly;
    QRadioButton *m_allPoints;
    QLineEdit *m_path;
    QString m_email;
    QString m_run;
};

} // namespace fo::ui
