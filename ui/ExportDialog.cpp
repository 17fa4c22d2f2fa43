#include "ExportDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fo::ui {

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent),
      m_outliersOnly(new QRadioButton(tr("&Outliers only (one row per outlier)"), this)),
      m_allPoints(new QRadioButton(tr("&All points (every numeric value, with an is_outlier column)"), this)),
      m_path(new QLineEdit(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export CSV"));
    m_outliersOnly->setObjectName(QStringLiteral("outliersOnlyRadio"));
    m_allPoints->setObjectName(QStringLiteral("allPointsRadio"));
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_outliersOnly->setChecked(true);

    auto *intro = new QLabel(tr("The same columns as the command line's --csv: email, iteration, source, data_type, "
                                "record_id, time (UTC), value, z, mean, std, k."),
                             this);
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
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
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
    Q_EMIT exportRequested(path(), allPoints());
    accept();
}

} // namespace fo::ui
