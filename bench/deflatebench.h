#pragma once
#include <QStringList>

// llbench deflate FILE [--repeat N]: the layer writer's gzip levels against gzip, igzip, zstd.
int deflateBench(const QStringList &args);
