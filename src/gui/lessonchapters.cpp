#include "lessonchapters.h"

#include "anatomyexplainer.h"
#include "formatting.h"
#include "archive/compression.h"
#include "image/imagesource.h"
#include "image/stepoflayer.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace gui::lesson {

namespace {

struct Lesson {
    Q_DECLARE_TR_FUNCTIONS(gui::lesson)
};

QString esc(const QByteArray &utf8)
{
    return QString::fromUtf8(utf8).toHtmlEscaped();
}

// "blobs/sha256/0123456789ab…": a 64-digit name does not fit a side panel, and its first digits tell it apart.
QString shortMember(const QByteArray &member)
{
    static const QRegularExpression hex(QStringLiteral("[0-9a-f]{64}"));
    QString s = QString::fromUtf8(member);
    const QRegularExpressionMatch m = hex.match(s);
    if (m.hasMatch())
        s.replace(m.capturedStart(), 64, m.captured().left(12) + QChar(0x2026));
    return s.toHtmlEscaped();
}

QString para(const QString &text)
{
    return QStringLiteral("<p>") + text + QStringLiteral("</p>");
}

ll::quiz::Proof proof(const char *pane, int layer = -1, int step = -1, const QByteArray &path = {}, const QByteArray &member = {})
{
    ll::quiz::Proof p;
    p.pane = QLatin1String(pane);
    p.layer = layer;
    p.step = step;
    p.path = path;
    p.member = member;
    return p;
}

QString shortText(const QString &s, int max = 70)
{
    const QString t = s.simplified();
    return t.size() > max ? t.left(max - 1) + QChar(0x2026) : t;
}

Page baseImages(const ll::ImageAnalysis &a, const Facts *facts)
{
    Page page;
    page.html = para(Lesson::tr("Every image starts from a base: the layers of another image, which FROM takes as they are. What the "
                                "base holds decides what the steps on it can do: a shell for RUN, a package manager to install with."));
    if (!facts)
        return page.html += para(Lesson::tr("Reading the base…")), page;
    const ll::lesson::BaseFacts &b = facts->base;
    if (b.base.layers <= 0)
        return page.html += para(Lesson::tr("This image has no layer: it is as empty as FROM scratch.")), page;
    page.html += para(Lesson::tr("<b>This image's base</b>: its first %n layer(s), told by %1.", nullptr, b.base.layers).arg(b.base.why.toHtmlEscaped()) + QLatin1Char(' ')
                      + Lesson::tr("%1 uncompressed (%2 as stored), of %3 for the whole image.").arg(humanSize(b.baseBytes), humanSize(b.baseStored), humanSize(b.imageBytes)));
    QString items;
    const bool baseRead = std::all_of(a.layers.begin(), a.layers.begin() + std::min<qsizetype>(b.base.layers, qsizetype(a.layers.size())),
                                      [](const ll::LayerReport &r) { return !r.error; });
    if (b.osReleasePath.isEmpty() && !baseRead) {
        items += Lesson::tr("<li>Distribution: unknown, a layer of the base could not be read (the timeline marks it).</li>");
    } else if (b.osReleasePath.isEmpty()) {
        items += Lesson::tr("<li>Distribution: none named, no /etc/os-release (as in FROM scratch, busybox or distroless-like bases).</li>");
    } else if (!facts->osRelease) {
        items += Lesson::tr("<li>Distribution: reading /%1…</li>").arg(esc(b.osReleasePath));
    } else if (!facts->osRelease->ok()) {
        items += Lesson::tr("<li>Distribution: /%1 could not be read: %2</li>").arg(esc(b.osReleasePath), facts->osRelease->error().toString().toHtmlEscaped());
    } else {
        const ll::lesson::OsRelease &os = facts->osRelease->value();
        const QString name = os.prettyName.isEmpty() ? os.id : os.prettyName;
        items += Lesson::tr("<li>Distribution: <b>%1</b> (ID %2, version %3), from /%4 in layer %5.</li>")
                     .arg(name.toHtmlEscaped(), os.id.toHtmlEscaped(), os.versionId.isEmpty() ? QStringLiteral("–") : os.versionId.toHtmlEscaped(),
                          esc(b.osReleasePath), QString::number(b.osReleaseLayer + 1));
    }
    items += b.packageManager.isEmpty()
                 ? Lesson::tr("<li>Package manager: none found (apt, apk, dnf, yum, zypper, pacman): RUN cannot install packages; copy in "
                              "what you need.</li>")
                 : Lesson::tr("<li>Package manager: <b>%1</b> (/%2): RUN can install packages.</li>").arg(b.packageManager, esc(b.packageManagerPath));
    if (b.shellPath.isEmpty())
        items += Lesson::tr("<li>Shell: none at /bin/sh: a RUN in shell form fails, and docker exec cannot open a shell.</li>");
    else if (b.shellPath == b.shellTarget)
        items += Lesson::tr("<li>Shell: <b>/%1</b>: RUN and docker exec have a shell.</li>").arg(esc(b.shellPath));
    else
        items += Lesson::tr("<li>Shell: <b>/%1</b>, which leads to /%2: RUN and docker exec have a shell.</li>").arg(esc(b.shellPath), esc(b.shellTarget));
    page.html += QStringLiteral("<ul>") + items + QStringLiteral("</ul>");

    page.html += QStringLiteral("<h4>%1</h4><table cellspacing='0' cellpadding='3'><tr><th align='left'>%2</th><th align='left'>%3</th><th align='right'>%4</th><th align='left'>%5</th></tr>")
                     .arg(Lesson::tr("The families of bases, for Python"), Lesson::tr("Family"), Lesson::tr("Example"), Lesson::tr("Typical size"), Lesson::tr("What it has"));
    for (const ll::lesson::BaseFamily &f : ll::lesson::baseFamilies())
        page.html += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td><td align='right'>%3</td><td>%4</td></tr>")
                         .arg(f.name.toHtmlEscaped(), f.example.toHtmlEscaped(), f.typicalBytes > 0 ? QStringLiteral("~ ") + humanSize(f.typicalBytes) : QStringLiteral("0"),
                              f.shell.toHtmlEscaped());
    page.html += QStringLiteral("<tr><td><b>%1</b></td><td></td><td align='right'><b>%2</b></td><td>%3</td></tr></table>")
                     .arg(Lesson::tr("this image's base"), humanSize(b.baseBytes),
                          (b.shellPath.isEmpty() ? Lesson::tr("no shell") : Lesson::tr("a shell")) + QStringLiteral(", ")
                              + (b.packageManager.isEmpty() ? Lesson::tr("no package manager") : b.packageManager));
    page.html += para(QStringLiteral("<small>%1</small>").arg(Lesson::tr("Typical sizes are uncompressed and approximate: they change with every release. "
                                                                        "The figures for this image are measured.")));
    page.buttons.push_back({Lesson::tr("The base's last layer"), proof("timeline", b.base.layers - 1, ll::stepOfLayer(a.overview, b.base.layers - 1))});
    if (!b.osReleasePath.isEmpty())
        page.buttons.push_back({Lesson::tr("os-release in the tree"), proof("files", b.base.layers - 1, -1, b.osReleasePath)});
    if (!b.shellTarget.isEmpty())
        page.buttons.push_back({Lesson::tr("The shell in the tree"), proof("files", b.base.layers - 1, -1, b.shellTarget)});
    return page;
}

Page layerPerInstruction(const ll::ImageAnalysis &a)
{
    Page page;
    page.html = para(Lesson::tr("A Dockerfile is a list of steps, and the image config keeps one history entry per step. A step that "
                                "changes files (RUN, COPY, ADD) also makes one layer: a tar of what it added, changed and removed. The "
                                "others (ENV, CMD, LABEL, WORKDIR, EXPOSE…) change only the configuration; their entry is marked "
                                "empty_layer."));
    const ll::lesson::StepCounts c = ll::lesson::stepCounts(a);
    page.html += para(Lesson::tr("This image: %1, %2, %3.")
                          .arg(Lesson::tr("%n step(s)", nullptr, c.steps), Lesson::tr("%n layer(s)", nullptr, c.layers),
                               Lesson::tr("%n metadata-only step(s)", nullptr, c.metadataOnly)));
    if (c.steps - c.metadataOnly != c.layers && c.steps > 0)
        page.html += para(Lesson::tr("Here the history does not pair with the layers one to one (%n step(s) made files, for %1 layers): the "
                                     "tool that built it did not record every step.", nullptr, c.steps - c.metadataOnly)
                              .arg(c.layers));
    constexpr int kRows = 30;
    page.html += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='right'>#</th><th align='left'>%1</th><th align='right'>%2</th><th align='right'>%3</th></tr>")
                     .arg(Lesson::tr("Instruction"), Lesson::tr("Layer"), Lesson::tr("Size"));
    for (size_t i = 0; i < a.overview.steps.size() && int(i) < kRows; ++i) {
        const ll::BuildStep &s = a.overview.steps[i];
        const bool hasLayer = s.layerIndex >= 0 && size_t(s.layerIndex) < a.layers.size();
        page.html += QStringLiteral("<tr><td align='right'>%1</td><td><code>%2</code></td><td align='right'>%3</td><td align='right'>%4</td></tr>")
                         .arg(QString::number(i + 1), shortText(instructionText(s.history.createdBy)).toHtmlEscaped(),
                              hasLayer ? QString::number(s.layerIndex + 1) : Lesson::tr("none"),
                              hasLayer ? humanSize(a.layers[size_t(s.layerIndex)].uncompressedSize) : QString());
    }
    page.html += QStringLiteral("</table>");
    if (int(a.overview.steps.size()) > kRows)
        page.html += para(Lesson::tr("… and %n more step(s): the timeline shows them all.", nullptr, int(a.overview.steps.size()) - kRows));
    page.buttons.push_back({Lesson::tr("The timeline"), proof("timeline")});
    if (c.firstMetadataStep >= 0)
        page.buttons.push_back({Lesson::tr("A metadata-only step"), proof("timeline", -1, c.firstMetadataStep)});
    if (c.largestLayer >= 0)
        page.buttons.push_back({Lesson::tr("The largest layer"), proof("timeline", c.largestLayer, ll::stepOfLayer(a.overview, c.largestLayer))});
    return page;
}

Page contentAddressed(const ll::ImageAnalysis &a, const Facts *facts, const std::optional<ll::Result<ll::lesson::LiveHash>> &hash)
{
    Page page;
    page.html = para(Lesson::tr("Nothing in an image is named by hand: every blob (the config and each layer) is known by the sha256 of "
                                "its bytes, its digest. Change one byte and the name changes; a reader checks the bytes against the "
                                "name, so nothing can be swapped unnoticed."));
    const int layer = facts ? facts->hashedLayer : -1;
    if (layer >= 0) {
        const ll::LayerReport &r = a.layers[size_t(layer)];
        const ll::BlobRef &blob = a.overview.layers[size_t(layer)].blob;
        page.html += para(Lesson::tr("Layer %1 is %2 as stored (%3), in the archive as <code>%4</code>.")
                              .arg(QString::number(layer + 1), humanSize(r.storedSize),
                                   r.compression == ll::Compression::None ? Lesson::tr("uncompressed") : ll::compressionName(r.compression), shortMember(blob.member)));
        if (!hash) {
            page.html += para(Lesson::tr("Hashing its bytes now…"));
        } else if (!hash->ok()) {
            page.html += para(Lesson::tr("Its bytes could not be hashed: %1").arg(hash->error().toString().toHtmlEscaped()));
        } else {
            const ll::lesson::LiveHash &h = hash->value();
            // One line per check, its mark first (✓ or ✗, never colour alone).
            QStringList checks;
            const auto mark = [](bool ok) { return ok ? QStringLiteral("✓ ") : QStringLiteral("✗ "); };
            checks << mark(h.digest == r.blobDigest) + Lesson::tr("the digest the inspector measured when it read the layer");
            if (blob.digest.isValid())
                checks << mark(h.digest == blob.digest)
                              + Lesson::tr("the manifest's entry for layer %1: <code>%2</code>").arg(QString::number(layer + 1), blob.digest.shortString(16));
            else
                checks << QStringLiteral("– ") + Lesson::tr("this format's manifest states no blob digest: the name and the config's DiffIDs are what a reader checks");
            // Named by a digest when the file's own name is one (blobs/sha256/HEX, HEX, HEX.tar); a
            // legacy HEX/layer.tar folder is named by a v1 ID, which is not.
            static const QRegularExpression digestName(QStringLiteral("(?:^|/)([0-9a-f]{64})(?:\\.tar)?$"));
            const QRegularExpressionMatch named = digestName.match(QString::fromUtf8(blob.member));
            if (named.hasMatch())
                checks << mark(named.captured(1) == h.digest.hex()) + Lesson::tr("the blob's file name: <code>%1</code>").arg(shortMember(blob.member));
            else
                checks << QStringLiteral("– ") + Lesson::tr("the file name is not the digest here: this format names its layer files its own way");
            page.html += para(Lesson::tr("sha256 of its %1 bytes, computed now in %2 ms:").arg(QLocale().toString(h.bytes), QLocale().toString(h.milliseconds))
                              + QStringLiteral("<br><code>%1</code>").arg(h.digest.toString()))
                         + para(Lesson::tr("Compared with:") + QStringLiteral("<br>") + checks.join(QStringLiteral("<br>")));
        }
        page.buttons.push_back({Lesson::tr("The blob in the archive"), proof("anatomy", -1, -1, {}, blob.member)});
        page.buttons.push_back({Lesson::tr("Hash it again"), proof("rehash", layer)});
    } else if (facts && a.layers.empty()) {
        page.html += para(Lesson::tr("This image has no layer to hash."));
    } else if (facts) {
        page.html += para(Lesson::tr("No layer of this image was read whole, so none can be hashed here."));
    }
    page.html += anatomy::digestLessonHtml(a.overview, a.layers);
    const QByteArray manifest = a.overview.manifest.rawMember.isEmpty() ? a.overview.choice().manifest.member : a.overview.manifest.rawMember;
    if (!manifest.isEmpty())
        page.buttons.push_back({Lesson::tr("The manifest"), proof("anatomy", -1, -1, {}, manifest)});
    if (!a.overview.manifest.config.member.isEmpty())
        page.buttons.push_back({Lesson::tr("The config and its diff_ids"), proof("anatomy", -1, -1, {}, a.overview.manifest.config.member)});
    return page;
}

Page sharing(const ll::ImageAnalysis &a)
{
    Page page;
    page.html = para(Lesson::tr("Two images built on the same base share its layers: the same DiffIDs, and the same blobs when the "
                                "layers were compressed alike. A registry stores a blob once, a pull skips the blobs it already has, and "
                                "the disk holds the unpacked layers once. The ChainID says whether a whole stack of layers, from the bottom, "
                                "is the same."));
    page.html += para(Lesson::tr("Open a second image beside this one: the comparison counts the layers both share from the bottom, and "
                                 "the bytes a pull of the second image skips because this one brought them. It draws the two stacks on "
                                 "their shared base; Export Picture puts the drawing on a slide."));
    page.html += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='right'>%1</th><th align='left'>%2</th><th align='right'>%3</th></tr>")
                     .arg(Lesson::tr("Layer"), Lesson::tr("ChainID"), Lesson::tr("As stored"));
    for (const ll::LayerReport &r : a.layers)
        page.html += QStringLiteral("<tr><td align='right'>%1</td><td><code>%2</code></td><td align='right'>%3</td></tr>")
                         .arg(QString::number(r.index + 1), r.chainId.shortString(16), humanSize(r.storedSize));
    page.html += QStringLiteral("</table>");
    page.buttons.push_back({Lesson::tr("Compare with another image…"), proof("compare")});
    return page;
}

QString stackTable(const ll::ImageFs &fs, int32_t node)
{
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='right'>%1</th><th align='left'>%2</th><th align='right'>%3</th><th align='left'>%4</th></tr>")
                       .arg(Lesson::tr("Layer"), Lesson::tr("What it did"), Lesson::tr("Size"), Lesson::tr("Seen"));
    const auto rows = ll::lesson::stackOf(fs, node);
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        QString what = changeLabel(it->change);
        if (it->byMarker)
            what += QStringLiteral(" (%1)").arg(esc(fs.removalMarker(node, it->layer)));
        html += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td align='right'>%3</td><td>%4</td></tr>")
                    .arg(QString::number(it->layer + 1), what, it->change == ll::Change::Removed || it->directory ? QString() : humanSize(it->size),
                         it->visible ? Lesson::tr("<b>this one</b>") : it->change == ll::Change::Removed ? QStringLiteral("–") : Lesson::tr("hidden, still stored"));
    }
    return html + QStringLiteral("</table>");
}

Page unionFs(const ll::ImageAnalysis &a, const Facts *facts)
{
    Page page;
    page.html = para(Lesson::tr("A container sees the layers stacked: for each path, the highest layer that names it wins. A layer "
                                "never changes the ones below it: a changed file is stored again, whole, in the new layer (copy-on-write), "
                                "and a removed one is only hidden, by a whiteout <code>.wh.NAME</code>, or for a folder's whole lower "
                                "content by an opaque marker <code>.wh..wh..opq</code>."));
    if (!facts || !a.fs)
        return page;
    const ll::ImageFs &fs = *a.fs;
    const ll::lesson::UnionExamples &x = facts->unionExamples;
    if (x.copiedUp >= 0) {
        const QByteArray path = fs.pathOf(x.copiedUp);
        const auto rows = ll::lesson::stackOf(fs, x.copiedUp);
        page.html += QStringLiteral("<h4>%1</h4>").arg(Lesson::tr("Copy-on-write: /%1").arg(esc(path))) + stackTable(fs, x.copiedUp);
        // The row of the copy-up itself (a later layer may have changed or removed the path again).
        const auto copied = std::find_if(rows.begin(), rows.end(), [&](const ll::lesson::StackRow &r) { return r.layer == x.copiedLayer; });
        const ll::lesson::StackRow top = copied != rows.end() ? *copied : rows.back();
        if (top.change == ll::Change::AttrsOnly)
            page.html += para(Lesson::tr("Layer %1 changed only the mode or the owner of /%2, and still stored the whole file again (%3): "
                                         "copy-on-write works on whole files, even for a chmod.")
                                  .arg(QString::number(top.layer + 1), esc(path), humanSize(top.size)));
        else
            page.html += para(Lesson::tr("Change one byte of /%1 in a new step and its new top layer stores the whole file again (%2), while "
                                         "every copy below stays as it is: copy-on-write works on whole files.")
                                  .arg(esc(path), humanSize(top.size)));
        page.buttons.push_back({Lesson::tr("The copied file"), proof("files", top.layer, -1, path)});
    }
    if (x.whiteout >= 0) {
        const QByteArray path = fs.pathOf(x.whiteout);
        page.html += QStringLiteral("<h4>%1</h4>").arg(Lesson::tr("A whiteout: /%1").arg(esc(path))) + stackTable(fs, x.whiteout);
        const int removedIn = x.whiteoutLayer;
        page.html += para(Lesson::tr("Layer %1 holds a marker file, not a deletion: the %2 it hides are still in the layers below, "
                                     "downloaded with every pull.")
                              .arg(QString::number(removedIn + 1), humanSize(x.whiteoutBytes)));
        page.buttons.push_back({Lesson::tr("The removal in its layer"), proof("changes", removedIn, -1, path)});
    }
    if (x.opaque >= 0) {
        const QByteArray path = fs.pathOf(x.opaque);
        const int layer = x.opaqueLayer;
        page.html += QStringLiteral("<h4>%1</h4>").arg(Lesson::tr("An opaque folder: /%1").arg(esc(path)))
                     + para(Lesson::tr("Layer %1 holds <code>%2</code>: whatever the layers below put in /%3 is hidden, and only what "
                                       "layer %1 itself puts there shows.")
                                .arg(QString::number(layer + 1), esc(path + "/.wh..wh..opq"), esc(path)));
        page.buttons.push_back({Lesson::tr("The opaque folder"), proof("changes", layer, -1, path)});
    }
    if (x.copiedUp < 0 && x.whiteout < 0 && x.opaque < 0)
        page.html += para(Lesson::tr("No layer of this image stores a file again or removes one: open the sample image to see both."));
    return page;
}

Page anatomyPage(const ll::ImageAnalysis &a)
{
    const ll::ImageOverview &ov = a.overview;
    Page page;
    page.html = para(Lesson::tr("Saved to a file (docker save, skopeo, podman save) or a folder, an image is a few small JSON files and "
                                "its blobs. This one holds:"));
    // In reading order: the entry points, the manifest, the config, then the layers bottom first.
    const std::vector<ll::ImageSource::Member> members = ov.source ? ov.source->members() : std::vector<ll::ImageSource::Member>{};
    const auto has = [&](const QByteArray &path) {
        return !path.isEmpty() && std::any_of(members.begin(), members.end(), [&](const ll::ImageSource::Member &m) { return m.path == path; });
    };
    QString items;
    for (const QByteArray &path : {QByteArray("oci-layout"), QByteArray("index.json"), QByteArray("manifest.json"), QByteArray("repositories"),
                                   QByteArray("version"), ov.choice().manifest.member, ov.manifest.config.member})
        if (has(path))
            items += QStringLiteral("<li><code>%1</code> — %2</li>").arg(shortMember(path), anatomy::memberRole(ov, path));
    constexpr int kLayers = 3;
    for (size_t i = 0; i < ov.layers.size() && int(i) < kLayers; ++i)
        if (has(ov.layers[i].blob.member))
            items += QStringLiteral("<li><code>%1</code> — %2</li>").arg(shortMember(ov.layers[i].blob.member), anatomy::shortRole(ov, ov.layers[i].blob.member).toHtmlEscaped());
    if (int(ov.layers.size()) > kLayers)
        items += QStringLiteral("<li>") + Lesson::tr("… and %n more layer blob(s): the Anatomy pane lists every file.", nullptr, int(ov.layers.size()) - kLayers) + QStringLiteral("</li>");
    page.html += QStringLiteral("<ul>") + items + QStringLiteral("</ul>");
    if (ov.choice().dockerEntry >= 0) {
        page.html += para(Lesson::tr("In manifest.json, this image's entry says: <b>Config</b> <code>%1</code>; <b>RepoTags</b> %2; "
                                     "<b>Layers</b>, %n file(s), bottom first.", nullptr, int(ov.manifest.layers.size()))
                              .arg(esc(ov.manifest.config.member),
                                   ov.choice().repoTags.isEmpty() ? Lesson::tr("none") : ov.choice().repoTags.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    for (const ll::ImageSource::Member &m : members) {
        if (m.path == "index.json" || m.path == "manifest.json" || m.path == "oci-layout" || m.path == "repositories")
            page.buttons.push_back({QString::fromUtf8(m.path), proof("anatomy", -1, -1, {}, m.path)});
    }
    if (has(ov.choice().manifest.member))
        page.buttons.push_back({Lesson::tr("The image manifest"), proof("anatomy", -1, -1, {}, ov.choice().manifest.member)});
    if (!ov.manifest.config.member.isEmpty())
        page.buttons.push_back({Lesson::tr("The config"), proof("anatomy", -1, -1, {}, ov.manifest.config.member)});
    if (!ov.layers.empty() && has(ov.layers.front().blob.member))
        page.buttons.push_back({Lesson::tr("Layer 1's blob"), proof("anatomy", -1, -1, {}, ov.layers.front().blob.member)});
    return page;
}

Page buildCache()
{
    Page page;
    page.html = para(Lesson::tr("A build reuses a step from its cache when that step and every step before it are the same: the same "
                                "instruction, the same files copied (by content, not by date), the same base. One changed step runs again, "
                                "and so does every step after it."));
    page.html += para(Lesson::tr("Hence the rule: <b>what changes least goes first</b>. The base, then the system packages, then your "
                                 "dependency lists (requirements.txt, package.json), and your own code last."));
    page.html += para(Lesson::tr("A RUN step is known by its command's text alone: the cache does not see what the command reads or "
                                 "when it runs. The sample's <code>RUN date …</code> keeps the first build's date; a lone "
                                 "<code>RUN apt-get update</code> keeps old package lists. Hence <code>apt-get update &amp;&amp; apt-get "
                                 "install …</code> in one RUN."));
    page.html += para(Lesson::tr("Try it: open the sample project, change a line of site/index.html, and watch the steps on the left: "
                                 "before you build, each says whether the cache has it and, if not, why. Then build (Ctrl+B) and see "
                                 "which steps ran."));
    page.buttons.push_back({Lesson::tr("Open the sample project"), proof("sampleProject")});
    return page;
}

} // namespace

Facts gatherFacts(const ll::ImageAnalysis &a, int baseLayers, ll::TaskContext &ctx)
{
    Facts f;
    f.base = ll::lesson::baseFacts(a, baseLayers);
    if (!f.base.osReleasePath.isEmpty())
        f.osRelease = ll::lesson::readOsRelease(a, f.base, ctx);
    if (a.fs)
        f.unionExamples = ll::lesson::unionExamples(*a.fs);
    f.hashedLayer = ll::lesson::hashedLayer(a);
    return f;
}

int chapterCount()
{
    return 7;
}

QString chapterTitle(int chapter)
{
    switch (chapter) {
    case 0: return Lesson::tr("1. Base images");
    case 1: return Lesson::tr("2. One layer per instruction");
    case 2: return Lesson::tr("3. Content-addressable storage");
    case 3: return Lesson::tr("4. Sharing layers");
    case 4: return Lesson::tr("5. Union filesystem, copy-on-write");
    case 5: return Lesson::tr("6. Anatomy of a saved image");
    default: return Lesson::tr("7. The build cache");
    }
}

Page chapterPage(int chapter, const ll::ImageAnalysis *a, const Facts *facts, const std::optional<ll::Result<ll::lesson::LiveHash>> &hash, bool loading)
{
    Page page;
    if (chapter == 6) {
        page = buildCache();
    } else if (!a && loading) {
        page.html = para(Lesson::tr("Reading the image…"));
    } else if (!a) {
        page.html = para(Lesson::tr("Open an image (or the sample, File › Open the Sample Image): each chapter is shown on it."));
    } else {
        switch (chapter) {
        case 0: page = baseImages(*a, facts); break;
        case 1: page = layerPerInstruction(*a); break;
        case 2: page = contentAddressed(*a, facts, hash); break;
        case 3: page = sharing(*a); break;
        case 4: page = unionFs(*a, facts); break;
        default: page = anatomyPage(*a); break;
        }
    }
    page.title = chapterTitle(chapter);
    return page;
}

} // namespace gui::lesson
