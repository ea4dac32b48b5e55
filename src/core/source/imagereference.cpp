#include "imagereference.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace ll::source {

namespace {

// The grammar of github.com/distribution/reference (regexp.go).
const QRegularExpression &componentRe()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$"));
    return re;
}
const QRegularExpression &domainRe()
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$"));
    return re;
}
const QRegularExpression &tagRe()
{
    static const QRegularExpression re(QStringLiteral("^[\\w][\\w.-]{0,127}$"));
    return re;
}
const QRegularExpression &digestRe()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$"));
    return re;
}

Error bad(const QString &text, const QString &why)
{
    return makeError(ErrorCode::Usage, Msg::tr("\"%1\" is not an image reference: %2").arg(text, why));
}

} // namespace

QString ImageReference::fullName() const
{
    QString s = domain + QLatin1Char('/') + repository;
    if (!tag.isEmpty())
        s += QLatin1Char(':') + tag;
    if (!digest.isEmpty())
        s += QLatin1Char('@') + digest;
    return s;
}

QString ImageReference::familiarName() const
{
    QString name = domain + QLatin1Char('/') + repository;
    if (domain == QLatin1String("docker.io")) {
        name = repository;
        if (name.startsWith(QLatin1String("library/")) && name.count(QLatin1Char('/')) == 1)
            name = name.mid(8);
    }
    if (!tag.isEmpty())
        name += QLatin1Char(':') + tag;
    if (!digest.isEmpty())
        name += QLatin1Char('@') + digest;
    return name;
}

QString ImageReference::apiHost() const
{
    return domain == QLatin1String("docker.io") ? QStringLiteral("registry-1.docker.io") : domain;
}

bool ImageReference::isLoopback() const
{
    QString host = domain;
    if (host.startsWith(QLatin1Char('['))) {
        host = host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
    } else {
        const int colon = host.lastIndexOf(QLatin1Char(':'));
        if (colon > 0)
            host.truncate(colon);
    }
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

Result<ImageReference> parseImageReference(const QString &text)
{
    if (text.isEmpty())
        return bad(text, Msg::tr("it is empty"));
    if (text.size() > 1024)
        return bad(text.left(40) + QStringLiteral("…"), Msg::tr("it is longer than 1024 characters"));
    static const QRegularExpression hex64(QStringLiteral("^[a-f0-9]{64}$"));
    if (hex64.match(text).hasMatch())
        return bad(text, Msg::tr("a bare 64-hex id names a local image, not a repository; write sha256:… after a name and @"));
    ImageReference r;
    QString rest = text;
    if (const int at = rest.indexOf(QLatin1Char('@')); at >= 0) {
        r.digest = rest.mid(at + 1);
        rest.truncate(at);
        if (!digestRe().match(r.digest).hasMatch())
            return bad(text, Msg::tr("\"%1\" is not a digest (algorithm:hex, e.g. sha256: and 64 hex digits)").arg(r.digest));
        if (r.digest.startsWith(QLatin1String("sha256:")) && r.digest.size() != 71)
            return bad(text, Msg::tr("a sha256 digest has 64 hex digits"));
    }
    const int slash = rest.lastIndexOf(QLatin1Char('/'));
    if (const int colon = rest.lastIndexOf(QLatin1Char(':')); colon > slash) {
        r.tag = rest.mid(colon + 1);
        rest.truncate(colon);
        if (!tagRe().match(r.tag).hasMatch())
            return bad(text, Msg::tr("\"%1\" is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)").arg(r.tag));
    }
    const int first = rest.indexOf(QLatin1Char('/'));
    const QString head = rest.left(first);
    const bool hasDomain = first > 0 && (head.contains(QLatin1Char('.')) || head.contains(QLatin1Char(':')) || head == QLatin1String("localhost") || head != head.toLower());
    if (hasDomain) {
        r.domain = head;
        r.repository = rest.mid(first + 1);
        if (!domainRe().match(r.domain).hasMatch())
            return bad(text, Msg::tr("\"%1\" is not a registry host[:port]").arg(r.domain));
    } else {
        r.domain = QStringLiteral("docker.io");
        r.repository = rest;
    }
    if (r.domain == QLatin1String("index.docker.io"))
        r.domain = QStringLiteral("docker.io");
    if (r.domain == QLatin1String("docker.io") && !r.repository.contains(QLatin1Char('/')))
        r.repository.prepend(QStringLiteral("library/"));
    if (r.repository.isEmpty())
        return bad(text, Msg::tr("it names no repository"));
    if (r.repository != r.repository.toLower())
        return bad(text, Msg::tr("repository names must be lowercase"));
    for (const QString &c : r.repository.split(QLatin1Char('/')))
        if (!componentRe().match(c).hasMatch())
            return bad(text, Msg::tr("\"%1\" is not a repository path component (lowercase letters and digits, separated by . _ __ or -)").arg(c));
    if (r.domain.size() + 1 + r.repository.size() > 255)
        return bad(text, Msg::tr("the name is longer than 255 characters"));
    if (r.tag.isEmpty() && r.digest.isEmpty())
        r.tag = QStringLiteral("latest");
    return r;
}

} // namespace ll::source
