#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace fo {

// An error a person can act on: what failed, with what input, and what to do next.
struct Error
{
    QString message;
};

// Either a value or an Error (a small stand-in for C++23 std::expected).
template<typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error.message)) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

// For calls that only succeed or fail.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_failed(true), m_error(std::move(error.message)) { }
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

} // namespace fo
