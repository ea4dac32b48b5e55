#pragma once
#include <QString>

namespace ll::df {

// Whether `name` is an image reference Docker accepts (github.com/distribution/reference,
// ParseNormalizedNamed): optional registry, lowercase repository path, optional :tag and
// @digest; not empty, not a bare 64-hex id, at most 255 characters of name.
bool isValidImageReference(const QString &name);

} // namespace ll::df
