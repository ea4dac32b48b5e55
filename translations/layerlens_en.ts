<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>gui::BuildStepsModel</name>
        <message numerus="yes">
            <source>#%1 … %n earlier line(s) not kept</source>
            <translation>
                <numerusform>#%1 … %n earlier line not kept</numerusform>
                <numerusform>#%1 … %n earlier lines not kept</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::BuildWorkspace</name>
        <message numerus="yes">
            <source>&lt;b&gt;Prediction:&lt;/b&gt; %n step(s) from the cache, %1 will build.</source>
            <translation>
                <numerusform>&lt;b&gt;Prediction:&lt;/b&gt; %n step from the cache, %1 will build.</numerusform>
                <numerusform>&lt;b&gt;Prediction:&lt;/b&gt; %n steps from the cache, %1 will build.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::CompareDialog</name>
        <message numerus="yes">
            <source>&lt;b&gt;%n layer(s)&lt;/b&gt; from the bottom are the same in both (same ChainID): %1 of B, of which %2 stored as the same blobs as A's (same digest): a machine holding A does not download those again.</source>
            <translation>
                <numerusform>&lt;b&gt;%n layer&lt;/b&gt; from the bottom is the same in both (same ChainID): %1 of B, of which %2 stored as the same blobs as A's (same digest): a machine holding A does not download those again.</numerusform>
                <numerusform>&lt;b&gt;%n layers&lt;/b&gt; from the bottom are the same in both (same ChainID): %1 of B, of which %2 stored as the same blobs as A's (same digest): a machine holding A does not download those again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s)</source>
            <translation>
                <numerusform>%n layer</numerusform>
                <numerusform>%n layers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n field(s) differ</source>
            <translation>
                <numerusform>%n field differ</numerusform>
                <numerusform>%n fields differ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>History: %n step(s) the same from the first, then %1 in A and %2 in B.</source>
            <translation>
                <numerusform>History: %n step the same from the first, then %1 in A and %2 in B.</numerusform>
                <numerusform>History: %n steps the same from the first, then %1 in A and %2 in B.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%Ln&lt;/b&gt; added in B</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; added in B</numerusform>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; added in B</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%Ln&lt;/b&gt; only in A</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; only in A</numerusform>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; only in A</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%Ln&lt;/b&gt; changed</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; changed</numerusform>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; changed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::EfficiencyPane</name>
        <message numerus="yes">
            <source>&lt;i&gt;Set by you (LayerLens said %n layer(s)).&lt;/i&gt;</source>
            <translation>
                <numerusform>&lt;i&gt;Set by you (LayerLens said %n layer).&lt;/i&gt;</numerusform>
                <numerusform>&lt;i&gt;Set by you (LayerLens said %n layers).&lt;/i&gt;</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> layer(s)</source>
            <translation>
                <numerusform> layer</numerusform>
                <numerusform> layers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::FindBar</name>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation>
                <numerusform>%n replaced</numerusform>
                <numerusform>%n replaced</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::ImageLoader</name>
        <message numerus="yes">
            <source>Reading %n layer(s)…</source>
            <translation>
                <numerusform>Reading %n layer…</numerusform>
                <numerusform>Reading %n layers…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::MainWindow</name>
        <message numerus="yes">
            <source>%n layer(s), %1 — </source>
            <translation>
                <numerusform>%n layer, %1 — </numerusform>
                <numerusform>%n layers, %1 — </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n step</numerusform>
                <numerusform>%n steps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s) failed verification</source>
            <translation>
                <numerusform>%n layer failed verification</numerusform>
                <numerusform>%n layers failed verification</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n layer(s) failed verification.&lt;/b&gt; They are still shown, marked ✗ in the timeline; hover the mark to see which digest differs.</source>
            <translation>
                <numerusform>&lt;b&gt;%n layer failed verification.&lt;/b&gt; They are still shown, marked ✗ in the timeline; hover the mark to see which digest differs.</numerusform>
                <numerusform>&lt;b&gt;%n layers failed verification.&lt;/b&gt; They are still shown, marked ✗ in the timeline; hover the mark to see which digest differs.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::ProblemsModel</name>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n info(s)</source>
            <translation>
                <numerusform>%n info</numerusform>
                <numerusform>%n infos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::lesson</name>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n step</numerusform>
                <numerusform>%n steps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s)</source>
            <translation>
                <numerusform>%n layer</numerusform>
                <numerusform>%n layers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n metadata-only step(s)</source>
            <translation>
                <numerusform>%n metadata-only step</numerusform>
                <numerusform>%n metadata-only steps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more step(s): the timeline shows them all.</source>
            <translation>
                <numerusform>… and %n more step: the timeline shows them all.</numerusform>
                <numerusform>… and %n more steps: the timeline shows them all.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more layer blob(s): the Anatomy pane lists every file.</source>
            <translation>
                <numerusform>… and %n more layer blob: the Anatomy pane lists every file.</numerusform>
                <numerusform>… and %n more layer blobs: the Anatomy pane lists every file.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>In manifest.json, this image's entry says: &lt;b&gt;Config&lt;/b&gt; &lt;code&gt;%1&lt;/code&gt;; &lt;b&gt;RepoTags&lt;/b&gt; %2; &lt;b&gt;Layers&lt;/b&gt;, %n file(s), bottom first.</source>
            <translation>
                <numerusform>In manifest.json, this image's entry says: &lt;b&gt;Config&lt;/b&gt; &lt;code&gt;%1&lt;/code&gt;; &lt;b&gt;RepoTags&lt;/b&gt; %2; &lt;b&gt;Layers&lt;/b&gt;, %n file, bottom first.</numerusform>
                <numerusform>In manifest.json, this image's entry says: &lt;b&gt;Config&lt;/b&gt; &lt;code&gt;%1&lt;/code&gt;; &lt;b&gt;RepoTags&lt;/b&gt; %2; &lt;b&gt;Layers&lt;/b&gt;, %n files, bottom first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;This image's base&lt;/b&gt;: its first %n layer(s), told by %1.</source>
            <translation>
                <numerusform>&lt;b&gt;This image's base&lt;/b&gt;: its first layer, told by %1.</numerusform>
                <numerusform>&lt;b&gt;This image's base&lt;/b&gt;: its first %n layers, told by %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Here the history does not pair with the layers one to one (%n step(s) made files, for %1 layers): the tool that built it did not record every step.</source>
            <translation>
                <numerusform>Here the history does not pair with the layers one to one (%n step made files, for %1 layers): the tool that built it did not record every step.</numerusform>
                <numerusform>Here the history does not pair with the layers one to one (%n steps made files, for %1 layers): the tool that built it did not record every step.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ll::quiz</name>
        <message numerus="yes">
            <source>Step %1 made layer %2: %3 uncompressed, the largest of the image's %n layer(s).</source>
            <translation>
                <numerusform>Step %1 made layer %2: %3 uncompressed, the largest of the image's %n layer.</numerusform>
                <numerusform>Step %1 made layer %2: %3 uncompressed, the largest of the image's %n layers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s).</source>
            <translation>
                <numerusform>%n layer.</numerusform>
                <numerusform>%n layers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Each of the %n step(s) of its history made one.</source>
            <translation>
                <numerusform>Each of the %n step of its history made one.</numerusform>
                <numerusform>Each of the %n steps of its history made one.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Its history has %n step(s): only the steps that changed files made a layer; the others (ENV, CMD, LABEL…) changed the configuration alone.</source>
            <translation>
                <numerusform>Its history has %n step: only the steps that changed files made a layer; the others (ENV, CMD, LABEL…) changed the configuration alone.</numerusform>
                <numerusform>Its history has %n steps: only the steps that changed files made a layer; the others (ENV, CMD, LABEL…) changed the configuration alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Step %1 and the %n step(s) after it</source>
            <translation>
                <numerusform>Step %1 and the step after it</numerusform>
                <numerusform>Step %1 and the %n steps after it</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The cache key of a COPY or ADD holds the content of the files it copies, so step %1 misses; the key of each later step holds the step before it, so all %n step(s) after it run again too. The steps before it come from the cache: what changes least goes first.</source>
            <translation>
                <numerusform>The cache key of a COPY or ADD holds the content of the files it copies, so step %1 misses; the key of each later step holds the step before it, so the step after it runs again too. The steps before it come from the cache: what changes least goes first.</numerusform>
                <numerusform>The cache key of a COPY or ADD holds the content of the files it copies, so step %1 misses; the key of each later step holds the step before it, so all %n steps after it run again too. The steps before it come from the cache: what changes least goes first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The first %n layer(s)</source>
            <translation>
                <numerusform>The first layer</numerusform>
                <numerusform>The first %n layers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The first %n layer(s) have the same ChainID in both: the same base, its files unpacked once on disk; pulling %1 onto a machine that has this image skips the %2 of them stored as the same blobs (same digest).</source>
            <translation>
                <numerusform>The first layer has the same ChainID in both: the same base, its files unpacked once on disk; pulling %1 onto a machine that has this image skips the %2 of it stored as the same blob (same digest).</numerusform>
                <numerusform>The first %n layers have the same ChainID in both: the same base, its files unpacked once on disk; pulling %1 onto a machine that has this image skips the %2 of them stored as the same blobs (same digest).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 has the same first %n layer(s) (same ChainID): the same base, its files unpacked once on disk. The others start with other layers.</source>
            <translation>
                <numerusform>%1 has the same first layer (same ChainID): the same base, its files unpacked once on disk. The others start with other layers.</numerusform>
                <numerusform>%1 has the same first %n layers (same ChainID): the same base, its files unpacked once on disk. The others start with other layers.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::TreemapWidget</name>
        <message numerus="yes">
            <source>%Ln entry(s) of %1 too small to draw, %2 in all</source>
            <translation>
                <numerusform>%Ln entry of %1 too small to draw, %2 in all</numerusform>
                <numerusform>%Ln entries of %1 too small to draw, %2 in all</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::SharingPicture</name>
        <message numerus="yes">
            <source>+%n layer(s) more</source>
            <translation>
                <numerusform>+%n more layer</numerusform>
                <numerusform>+%n more layers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Shared base: %n layer(s), the same in both (same ChainID)</source>
            <translation>
                <numerusform>Shared base: %n layer, the same in both (same ChainID)</numerusform>
                <numerusform>Shared base: %n layers, the same in both (same ChainID)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s), %1 stored</source>
            <translation>
                <numerusform>%n layer, %1 stored</numerusform>
                <numerusform>%n layers, %1 stored</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ll</name>
        <message numerus="yes">
            <source>the Dockerfile has %n syntax error(s); the first: %1</source>
            <translation>
                <numerusform>the Dockerfile has %n syntax error; the first: %1</numerusform>
                <numerusform>the Dockerfile has %n syntax errors; the first: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s) have no history entry</source>
            <translation>
                <numerusform>%n layer has no history entry</numerusform>
                <numerusform>%n layers have no history entry</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cli</name>
    </context>
</TS>
