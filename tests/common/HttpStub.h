#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace fo::test {

// A small HTTP/1.1 server on 127.0.0.1 (a free port) that stands in for another team's service in tests: the
// notifications API and the auth API (docs/platform.md 5 and 6). It records every request and answers from a route
// table, then from a handler, else 404. One request per connection: every answer carries `Connection: close`.
// Lives in the thread that creates it; keep that thread's event loop running while the tool talks to it
// (runTool does).
class HttpStub : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method; // "GET", "POST", ...
        QByteArray path; // the request target, query included: "/a/b?x=1"
        QMap<QByteArray, QByteArray> headers; // names in lower case; repeated headers joined with ", "
        QByteArray body; // after Content-Length or chunked decoding
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        int delayMs = 0; // wait this long before answering (or dropping, or sending garbage)
        bool dropConnection = false; // close the connection without answering, after the whole request was read
        bool malformed = false; // send bytes that are not HTTP, then close
        QMap<QByteArray, QByteArray> headers = {}; // more response headers ("Location" of a redirect, ...)
    };

    using Handler = std::function<Response(const Request &)>;

    explicit HttpStub(QObject *parent = nullptr);
    // Listens on the given port of 127.0.0.1 instead of a free one (a test that first finds the port refused).
    explicit HttpStub(quint16 port, QObject *parent = nullptr);
    ~HttpStub() override;

    bool isListening() const;
    quint16 port() const;
    QString baseUrl() const; // "http://127.0.0.1:PORT"

    // Answers requests whose method equals `method` ("*" or empty: any method) and whose path (query included)
    // starts with pathPrefix. The longest matching prefix wins; setting the same method and prefix again replaces
    // the answer. Routes come before the handler.
    void setRoute(const QByteArray &method, const QByteArray &pathPrefix, const Response &response);
    void clearRoutes();
    // Answers every request that no route matches.
    void setHandler(Handler handler);

    QList<Request> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

Q_SIGNALS:
    void requestReceived(); // after the request was added to requests(), before it is answered

private:
    struct Route
    {
        QByteArray method;
        QByteArray pathPrefix;
        Response response;
    };
    struct Connection
    {
        QByteArray buffer;
        bool answered = false;
    };
    enum class ParseState { Incomplete, Complete, Invalid };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    ParseState parse(const QByteArray &buffer, Request *request) const;
    Response answerFor(const Request &request) const;
    void send(QTcpSocket *socket, const Response &response);

    QTcpServer *m_server = nullptr;
    QList<Route> m_routes;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace fo::test
