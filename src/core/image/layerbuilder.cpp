#include "layerbuilder.h"

#include <QJsonArray>

namespace ll {

TarHeader LayerBuilder::header(const QByteArray &path, EntryType type, uint32_t mode) const
{
    TarHeader h;
    h.path = path;
    h.type = type;
    h.mode = mode;
    h.mtime = m_mtime;
    return h;
}

LayerBuilder &LayerBuilder::dir(const QByteArray &path, uint32_t mode, uint32_t uid, uint32_t gid)
{
    TarHeader h = header(path + '/', EntryType::Directory, mode);
    h.uid = uid;
    h.gid = gid;
    return raw(h);
}

LayerBuilder &LayerBuilder::file(const QByteArray &path, const QByteArray &content, uint32_t mode, uint32_t uid, uint32_t gid)
{
    TarHeader h = header(path, EntryType::Regular, mode);
    h.uid = uid;
    h.gid = gid;
    return raw(h, content);
}

LayerBuilder &LayerBuilder::symlink(const QByteArray &path, const QByteArray &target)
{
    TarHeader h = header(path, EntryType::Symlink, 0777);
    h.linkTarget = target;
    return raw(h);
}

LayerBuilder &LayerBuilder::hardlink(const QByteArray &path, const QByteArray &target)
{
    TarHeader h = header(path, EntryType::Hardlink, 0644);
    h.linkTarget = target;
    return raw(h);
}

LayerBuilder &LayerBuilder::fifo(const QByteArray &path)
{
    return raw(header(path, EntryType::Fifo, 0644));
}

LayerBuilder &LayerBuilder::whiteout(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray name = slash < 0 ? ".wh." + path : path.left(slash + 1) + ".wh." + path.mid(slash + 1);
    return raw(header(name, EntryType::Regular, 0));
}

LayerBuilder &LayerBuilder::opaque(const QByteArray &dir)
{
    return raw(header(dir + "/.wh..wh..opq", EntryType::Regular, 0));
}

LayerBuilder &LayerBuilder::raw(const TarHeader &h, const QByteArray &data)
{
    m_spec.entries.emplace_back(h, data);
    return *this;
}

static QByteArray filler(int size, char seed)
{
    QByteArray b(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        b[i] = char(seed + (i * 7) % 23);
    return b;
}

ImageSpec sampleImageSpec()
{
    ImageSpec s;
    s.name = QStringLiteral("layerlens/sample:1.0");
    s.created = QStringLiteral("2026-01-01T00:00:00Z");
    s.runConfig = QJsonObject{{QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/usr/local/bin:/usr/bin:/bin"), QStringLiteral("APP_MODE=demo")}},
                              {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/app/run.sh")}},
                              {QStringLiteral("WorkingDir"), QStringLiteral("/app")},
                              {QStringLiteral("ExposedPorts"), QJsonObject{{QStringLiteral("8080/tcp"), QJsonObject()}}},
                              {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("org.opencontainers.image.title"), QStringLiteral("LayerLens sample")}}}};
    s.layers.push_back(LayerBuilder()
                           .dir("bin").file("bin/tool", filler(48 * 1024, 'a'), 0755)
                           .dir("etc").file("etc/os-release", "NAME=\"Sample Linux\"\nVERSION_ID=1\n").file("etc/motd", "Welcome to the LayerLens sample\n")
                           .dir("opt").dir("opt/legacy").file("opt/legacy/old.so", filler(20 * 1024, 'l')).file("opt/legacy/README", "legacy bits\n")
                           .dir("var").dir("var/cache").dir("var/cache/app").file("var/cache/app/stale1", filler(4096, 's')).file("var/cache/app/stale2", filler(2048, 't'))
                           .spec());
    s.layers.push_back(LayerBuilder()
                           .dir("app").file("app/config.ini", "[server]\nport=8080\n").file("app/run.sh", "#!/bin/sh\nexec /bin/tool serve\n", 0644)
                           .file("app/dataset.bin", filler(128 * 1024, 'd'))
                           .spec());
    s.layers.push_back(LayerBuilder()
                           .dir("app").file("app/config.ini", "[server]\nport=9090\nlog=info\n")
                           .file("app/run.sh", "#!/bin/sh\nexec /bin/tool serve\n", 0755)
                           .dir("etc").file("etc/motd", "Welcome to the LayerLens sample\n", 0644, 1000, 1000)
                           .spec());
    s.layers.push_back(LayerBuilder(Compression::Zstd)
                           .dir("app").whiteout("app/dataset.bin").dir("opt").whiteout("opt/legacy")
                           .dir("var/cache/app").opaque("var/cache/app").file("var/cache/app/fresh", "rebuilt cache\n")
                           .spec());
    s.layers.push_back(LayerBuilder()
                           .dir("usr").dir("usr/local").dir("usr/local/bin").symlink("usr/local/bin/tool", "/bin/tool")
                           .dir("app").file("app/run.sh", "#!/bin/sh\nexec /bin/tool serve\n", 0755).hardlink("app/start.sh", "app/run.sh")
                           .symlink("app/config", "config.ini")
                           .spec());
    s.steps = {
        {QStringLiteral("ADD rootfs.tar / # buildkit"), QStringLiteral("base filesystem"), 0},
        {QStringLiteral("ENV PATH=/usr/local/bin:/usr/bin:/bin APP_MODE=demo"), QString(), -1},
        {QStringLiteral("COPY app/ /app/ # buildkit"), QString(), 1},
        {QStringLiteral("RUN /bin/sh -c sed -i s/8080/9090/ /app/config.ini && chmod +x /app/run.sh && chown 1000:1000 /etc/motd # buildkit"), QString(), 2},
        {QStringLiteral("RUN /bin/sh -c rm -rf /app/dataset.bin /opt/legacy && rm -rf /var/cache/app && mkdir /var/cache/app && echo rebuilt cache > /var/cache/app/fresh # buildkit"), QString(), 3},
        {QStringLiteral("RUN /bin/sh -c ln -s /bin/tool /usr/local/bin/tool && ln /app/run.sh /app/start.sh && ln -s config.ini /app/config # buildkit"), QString(), 4},
        {QStringLiteral("WORKDIR /app"), QString(), -1},
        {QStringLiteral("EXPOSE map[8080/tcp:{}]"), QString(), -1},
        {QStringLiteral("CMD [\"/app/run.sh\"]"), QString(), -1},
    };
    return s;
}

} // namespace ll
