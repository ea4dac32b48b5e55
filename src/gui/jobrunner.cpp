#include "jobrunner.h"

#include <QThread>

namespace gui {

JobRunner::JobRunner()
{
    // Layers are read in parallel; one thread per core, at least two so the small overview
    // job of a newly opened image is not stuck behind a layer of the old one being canceled.
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
}

JobRunner::~JobRunner()
{
    m_pool.waitForDone();
}

} // namespace gui
