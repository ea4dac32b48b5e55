// The Dockerfile parser, linter and build planner on arbitrary text.
#include "dockerfile/buildplan.h"
#include "dockerfile/linter.h"
#include "dockerfile/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ll::df::Dockerfile file = ll::df::Parser::parse(text);
    (void)ll::df::Linter::lint(file);
    (void)ll::df::makeBuildPlan(file, {});
    return 0;
}
