#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QVector>

namespace fo {

// Where one run's time goes: the pipeline closes a lap after each of its stages (connect, table check, lock, ...),
// and the batch prints them per email with --stage-times (issue 14: the per-user cost). Laps of the same name add
// up. Not thread-safe: one per worker.
class StageTimer
{
public:
    struct Lap
    {
        const char *stage; // a string literal
        qint64 nsecs = 0;
    };

    // Starts a new run: forgets the laps of the previous one.
    void start();
    // Ends the current lap (since start() or the previous lap) under this name.
    void lap(const char *stage);

    const QVector<Lap> &laps() const { return m_laps; }
    qint64 totalNsecs() const;
    // "connect 3.10, tables 0.42, ..." in milliseconds.
    QString text() const;

private:
    QElapsedTimer m_timer;
    qint64 m_last = 0;
    QVector<Lap> m_laps;
};

} // namespace fo
