#pragma once
#include "common/result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace ll {

// Parses a JSON document and checks its top-level type, with the parser's own position in the
// message when it is malformed.
Result<QJsonObject> parseJsonObject(const QByteArray &bytes, const QString &where);
Result<QJsonArray> parseJsonArray(const QByteArray &bytes, const QString &where);

// Typed field access that names the field in the error ("index.json: manifests[0].digest:
// expected a string, found a number").
Result<QString> requireString(const QJsonObject &obj, const QString &key, const QString &where);
QString optString(const QJsonObject &obj, const QString &key);
Result<QStringList> optStringList(const QJsonValue &v, const QString &where);

QString jsonTypeName(const QJsonValue &v);

} // namespace ll
