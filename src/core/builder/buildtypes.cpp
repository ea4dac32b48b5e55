#include "buildtypes.h"

namespace ll::build {

Result<OutputTarget> OutputTarget::parse(const QString &spec)
{
    const int colon = spec.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? QString() : spec.left(colon);
    const QString path = colon < 0 ? spec : spec.mid(colon + 1);
    OutputTarget t;
    t.path = path;
    if (kind == QLatin1String("oci"))
        t.format = OutputFormat::OciLayout;
    else if (kind == QLatin1String("oci-archive"))
        t.format = OutputFormat::OciArchive;
    else if (kind == QLatin1String("docker-archive"))
        t.format = OutputFormat::Docker25Archive;
    else
        return makeError(ErrorCode::Usage, Msg::tr("--output \"%1\": use oci:DIR, oci-archive:FILE or docker-archive:FILE").arg(spec));
    if (path.isEmpty())
        return makeError(ErrorCode::Usage, Msg::tr("--output \"%1\" names no path").arg(spec));
    return t;
}

} // namespace ll::build
