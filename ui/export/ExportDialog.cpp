#include "ui/export/ExportDialog.h"

#include "ui/export/FileNames.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fo::ui {

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent), m_outliersOnly(new QRadioButton(tr("&Outliers only (one row per outlier)"), this)),
      m_allPoints(new QRadioButton(tr("&All points (every numeric value, with an is_outlier column)"), this)),
      m_path(new QLineEdit(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export CSV"));
    m_outliersOnly->setObjectName(QStringLiteral("outliersOnlyRadio"));
    m_allPoints->setObjectName(QStringLiteral("allPointsRadio"));
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_outliersOnly->setChecked(true);

    auto *intro = new QLabel(tr("Columns: email, iteration, source (raw or processed), data type, record id, time "
                                "(UTC), value, z, mean, std, k and unit; when two iterations are compared, also "
                                "whether each outlier is new or persisting."),
                             this);
    intro->setObjectName(QStringLiteral("exportIntro"));
    intro->setWordWrap(true);

    auto *browseButton = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_outliersOnly);
    layout->addWidget(m_allPoints);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_allPoints, &QRadioButton::toggled, this, &ExportDialog::onModeChanged);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

QString ExportDialog::defaultName(const QString &email, const QString &run, bool allPoints)
{
    return QStringLiteral("find-outliers_%1_%2_%3.csv")
        .arg(fileNamePart(email), run, allPoints ? QStringLiteral("all-points") : QStringLiteral("outliers"));
}

void ExportDialog::setDefaultNames(const QString &folder, const QString &email, const QString &run)
{
    m_email = email;
    m_run = run;
    m_path->setText(QDir(folder).filePath(defaultName(email, run, allPoints())));
}

void ExportDialog::onModeChanged()
{
    if (m_email.isEmpty())
        return;
    const QFileInfo current(path());
    // Only a name the dialog chose: one the operator typed stays.
    if (current.fileName() != defaultName(m_email, m_run, !allPoints()))
        return;
    m_path->setText(current.dir().filePath(defaultName(m_email, m_run, allPoints())));
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

bool ExportDialog::allPoints() const
{
    return m_allPoints->isChecked();
}

void ExportDialog::setAllPoints(bool allPoints)
{
    (allPoints ? m_allPoints : m_outliersOnly)->setChecked(true);
}

void ExportDialog::browse()
{
    // A dialog opened with open(): no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Export CSV"), path(), tr("CSV files (*.csv);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { m_path->setText(file); });
    dialog->open();
}

void ExportDialog::submit()
{
    if (path().isEmpty()) {
        m_path->setFocus();
        return;
    }
    if (!QFileInfo::exists(path())) {
        emitAndAccept();
        return;
    }
    // Never silently over another file (an export of the other mode, say).
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Replace the file?"),
                        tr("%1 already exists.").arg(QFileInfo(path()).fileName()), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("overwriteBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Replace it with this export, or go back and choose another name."));
    QPushButton *replace = box->addButton(tr("Replace"), QMessageBox::DestructiveRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    QPushButton *back = box->addButton(tr("Choose another name"), QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("chooseAnotherNameButton"));
    box->setDefaultButton(back);
    box->setEscapeButton(back);
    connect(box, &QMessageBox::buttonClicked, this, [this, replace](QAbstractButton *button) {
        if (button == replace) {
            emitAndAccept();
        } else {
            m_path->setFocus();
            m_path->selectAll();
        }
    });
    box->open();
}

void ExportDialog::emitAndAccept()
{
    Q_EMIT exportRequested(path(), allPoints());
    accept();
}

} // namespace fo::ui
