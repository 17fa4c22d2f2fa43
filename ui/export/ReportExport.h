#pragma once

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace fo::ui {

class ResultsPanel;

// File → Export report…: the PDF report (PdfReport) of the iteration the window shows. The charts come from the
// overview's sketches, drawn from every value: for a stored iteration whose values are still being read, or whose
// overview sketched some types from samples, the report is written once every value is there.
class ReportExport : public QObject
{
    Q_OBJECT

public:
    // `madeBy` gives the email of the operator signed in (empty when none). Dialogs open over `window`.
    ReportExport(ResultsPanel *results, std::function<QString()> madeBy, QWidget *window);

    QAction *action() const { return m_action; }
    void updateAction();

public Q_SLOTS:
    void showDialog();
    // Writes the report of the iteration shown to `path`; finished() says how it went.
    void exportTo(const QString &path);

Q_SIGNALS:
    void finished(bool ok, const QString &message, int pages);
    void statusMessage(const QString &message, int timeoutMs);
    void failed(const QString &message);

private:
    void write(const QString &path);

    ResultsPanel *m_results;
    std::function<QString()> m_madeBy;
    QWidget *m_window;
    QAction *m_action;
    QMetaObject::Connection m_waiting;
    QMetaObject::Connection m_failing;
};

} // namespace fo::ui
