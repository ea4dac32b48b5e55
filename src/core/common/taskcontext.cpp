#include "taskcontext.h"

namespace ll {

TaskContext &nullTaskContext()
{
    static TaskContext ctx;
    return ctx;
}

} // namespace ll
