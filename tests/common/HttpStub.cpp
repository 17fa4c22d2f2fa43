#include "tests/common/HttpStub.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace fo::test {

namespace {

Q_LOGGING_CATEGORY(lcHttpStub, "fo.test.httpstub")

// A request head larger than this is refused (400): nothing a test sends comes close.
constexpr qsizetype MaxHeadSize = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool isAnyMethod(const QByteArray &routeMethod)
{
    return routeMethod.isEmpty() || routeMethod == "*";
}

bool methodMatches(const QByteArray &routeMethod, const QByteArray &requestMethod)
{
    return isAnyMethod(routeMethod) || routeMethod == requestMethod;
}

} // namespace

HttpStub::HttpStub(QObject *parent) : HttpStub(0, parent) { }

HttpStub::HttpStub(quint16 port, QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpStub::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, port))
        qCWarning(lcHttpStub) << "cannot listen on 127.0.0.1:" << port << m_server->errorString();
}

HttpStub::~HttpStub()
{
    m_server->close();
}

bool HttpStub::isListening() const
{
    return m_server->isListening();
}

quint16 HttpStub::port() const
{
    return m_server->serverPort();
}

QString HttpStub::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:") + QString::number(port());
}

void HttpStub::setRoute(const QByteArray &method, const QByteArray &pathPrefix, const Response &response)
{
    for (Route &route : m_routes) {
        if (route.method == method && route.pathPrefix == pathPrefix) {
            route.response = response;
            return;
        }
    }
    m_routes.append(Route {method, pathPrefix, response});
}

void HttpStub::clearRoutes()
{
    m_routes.clear();
}

void HttpStub::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpStub::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, Connection {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        // Data may have arrived with the connection already.
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void HttpStub::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QByteArray data = socket->readAll();
    if (it->answered)
        return; // one request per connection: anything after it is ignored
    it->buffer += data;

    Request request;
    switch (parse(it->buffer, &request)) {
    case ParseState::Incomplete:
        return;
    case ParseState::Invalid: {
        it->answered = true;
        qCWarning(lcHttpStub) << "refusing a request that is not HTTP/1.x:" << it->buffer.left(200);
        Response badRequest;
        badRequest.status = 400;
        badRequest.body = R"({"detail":"bad request"})";
        send(socket, badRequest);
        return;
    }
    case ParseState::Complete:
        break;
    }

    it->answered = true;
    it->buffer.clear();
    m_requests.append(request);
    Q_EMIT requestReceived();
    send(socket, answerFor(request));
}

HttpStub::ParseState HttpStub::parse(const QByteArray &buffer, Request *request) const
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return buffer.size() > MaxHeadSize ? ParseState::Invalid : ParseState::Incomplete;

    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || !requestLine.at(1).startsWith('/')
        || !requestLine.at(2).startsWith("HTTP/1."))
        return ParseState::Invalid;
    request->method = requestLine.at(0);
    request->path = requestLine.at(1);

    request->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return ParseState::Invalid;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (request->headers.contains(name))
            request->headers[name] += ", " + value;
        else
            request->headers.insert(name, value);
    }

    const qsizetype bodyStart = headEnd + 4;
    request->body.clear();
    if (request->headers.value("transfer-encoding").toLower().contains("chunked")) {
        qsizetype pos = bodyStart;
        for (;;) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return ParseState::Incomplete;
            QByteArray sizeText = buffer.mid(pos, lineEnd - pos);
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText.truncate(semicolon); // chunk extensions
            bool ok = false;
            const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return ParseState::Invalid;
            pos = lineEnd + 2;
            if (size == 0) {
                // Optional trailer lines, then an empty line.
                for (;;) {
                    const qsizetype trailerEnd = buffer.indexOf("\r\n", pos);
                    if (trailerEnd < 0)
                        return ParseState::Incomplete;
                    const bool last = trailerEnd == pos;
                    pos = trailerEnd + 2;
                    if (last)
                        return ParseState::Complete;
                }
            }
            if (buffer.size() < pos + size + 2)
                return ParseState::Incomplete;
            request->body += buffer.mid(pos, size);
            pos += size + 2; // the chunk and its CRLF
        }
    }

    const QByteArray lengthText = request->headers.value("content-length");
    if (lengthText.isEmpty())
        return ParseState::Complete; // no body
    bool ok = false;
    const qsizetype length = lengthText.toLongLong(&ok);
    if (!ok || length < 0)
        return ParseState::Invalid;
    if (buffer.size() - bodyStart < length)
        return ParseState::Incomplete;
    request->body = buffer.mid(bodyStart, length);
    return ParseState::Complete;
}

HttpStub::Response HttpStub::answerFor(const Request &request) const
{
    const Route *best = nullptr;
    for (const Route &route : m_routes) {
        if (!methodMatches(route.method, request.method) || !request.path.startsWith(route.pathPrefix))
            continue;
        const bool better = !best || route.pathPrefix.size() > best->pathPrefix.size()
            || (route.pathPrefix.size() == best->pathPrefix.size() && isAnyMethod(best->method)
                && !isAnyMethod(route.method));
        if (better)
            best = &route;
    }
    if (best)
        return best->response;
    if (m_handler)
        return m_handler(request);
    Response notFound;
    notFound.status = 404;
    notFound.body = R"({"detail":"Not Found"})";
    return notFound;
}

void HttpStub::send(QTcpSocket *socket, const Response &response)
{
    if (response.delayMs > 0) {
        Response now = response;
        now.delayMs = 0;
        // Tied to the socket: if the client gives up and the socket goes, the answer is never sent.
        QTimer::singleShot(response.delayMs, socket, [this, socket, now] { send(socket, now); });
        return;
    }
    if (response.dropConnection) {
        socket->disconnectFromHost();
        return;
    }
    if (response.malformed) {
        static const char garbage[] = "\x01\x02 SPLAT this is not a web server \xff\xfe\r\n\r\n{{{";
        socket->write(garbage, sizeof(garbage) - 1);
        socket->disconnectFromHost();
        return;
    }
    QByteArray answer =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        answer += "Content-Type: " + response.contentType + "\r\n";
    for (auto it = response.headers.cbegin(); it != response.headers.cend(); ++it)
        answer += it.key() + ": " + it.value() + "\r\n";
    answer += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    answer += "Connection: close\r\n\r\n";
    answer += response.body;
    socket->write(answer);
    socket->disconnectFromHost();
}

} // namespace fo::test
