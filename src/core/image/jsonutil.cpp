#include "jsonutil.h"

namespace ll {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

static Result<QJsonDocument> parseDoc(const QByteArray &bytes, const QString &where)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        Error e = makeError(ErrorCode::Json, Msg::tr("invalid JSON: %1").arg(err.errorString()), where);
        e.offset = err.offset;
        return e;
    }
    return doc;
}

Result<QJsonObject> parseJsonObject(const QByteArray &bytes, const QString &where)
{
    auto doc = parseDoc(bytes, where);
    if (!doc.ok())
        return doc.error();
    if (!doc->isObject())
        return makeError(ErrorCode::Json, Msg::tr("expected a JSON object at the top"), where);
    return doc->object();
}

Result<QJsonArray> parseJsonArray(const QByteArray &bytes, const QString &where)
{
    auto doc = parseDoc(bytes, where);
    if (!doc.ok())
        return doc.error();
    if (!doc->isArray())
        return makeError(ErrorCode::Json, Msg::tr("expected a JSON array at the top"), where);
    return doc->array();
}

Result<QString> requireString(const QJsonObject &obj, const QString &key, const QString &where)
{
    const QJsonValue v = obj.value(key);
    if (!v.isString())
        return makeError(ErrorCode::Json, Msg::tr("%1: expected a string, found %2").arg(key, jsonTypeName(v)), where);
    return v.toString();
}

QString optString(const QJsonObject &obj, const QString &key)
{
    const QJsonValue v = obj.value(key);
    return v.isString() ? v.toString() : QString();
}

Result<QStringList> optStringList(const QJsonValue &v, const QString &where)
{
    QStringList out;
    if (v.isNull() || v.isUndefined())
        return out;
    if (!v.isArray())
        return makeError(ErrorCode::Json, Msg::tr("expected an array of strings, found %1").arg(jsonTypeName(v)), where);
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return makeError(ErrorCode::Json, Msg::tr("expected an array of strings, found %1 inside").arg(jsonTypeName(item)), where);
        out << item.toString();
    }
    return out;
}

} // namespace ll
