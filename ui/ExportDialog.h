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
    QString path() const;
    bool allPoints() const;
    void setAllPoints(bool allPoints);

Q_SIGNALS:
    void exportRequested(const QString &path, bool allPoints);

private:
    void browse();
    void submit();

    QRadioButton *m_outliersOnly;
    QRadioButton *m_allPoints;
    QLineEdit *m_path;
};

} // namespace fo::ui
