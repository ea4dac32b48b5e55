#include "error.h"

namespace ll {

QString Error::toString() const
{
    QString where = path;
    if (line >= 0) {
        where += QStringLiteral(":%1").arg(line);
        if (column >= 0)
            where += QStringLiteral(":%1").arg(column);
    } else if (offset >= 0) {
        where += Msg::tr(" (at byte %1)").arg(offset);
    }
    if (where.isEmpty())
        return message;
    return Msg::tr("%1: %2").arg(where, message);
}

Error makeError(ErrorCode code, QString message, QString path)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.path = std::move(path);
    return e;
}

Error canceledError()
{
    return makeError(ErrorCode::Canceled, Msg::tr("canceled"));
}

} // namespace ll
