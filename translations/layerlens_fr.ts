<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>DockerfileView</name>
        <message>
            <source># Reconstructed from the history of %1.</source>
            <translation># Reconstitué à partir de l'historique de %1.</translation>
        </message>
        <message>
            <source># COPY/ADD sources are not recorded in images. The history starts from an empty</source>
            <translation># Les sources des COPY/ADD ne sont pas enregistrées dans les images. L'historique part d'un</translation>
        </message>
        <message>
            <source># filesystem: the base image's own steps come first, as the history holds them.</source>
            <translation># système de fichiers vide : les étapes de l'image de base viennent en premier, comme dans l'historique.</translation>
        </message>
        <message>
            <source># build argument %1 (a value of several lines)</source>
            <translation># argument de build %1 (valeur sur plusieurs lignes)</translation>
        </message>
        <message>
            <source># (step %1 records no command)</source>
            <translation># (l'étape %1 n'enregistre aucune commande)</translation>
        </message>
        <message>
            <source># step %1 records a command that is no Dockerfile instruction: %2</source>
            <translation># l'étape %1 enregistre une commande qui n'est pas une instruction Dockerfile : %2</translation>
        </message>
        <message>
            <source># step %1 as recorded (not Dockerfile syntax): %2</source>
            <translation># étape %1 telle qu'enregistrée (hors syntaxe Dockerfile) : %2</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>✓ will reuse</source>
            <translation>✓ réutilisable</translation>
        </message>
        <message>
            <source>↻ will build</source>
            <translation>↻ à construire</translation>
        </message>
        <message>
            <source>■ base</source>
            <translation>■ base</translation>
        </message>
        <message>
            <source>○ pending</source>
            <translation>○ en attente</translation>
        </message>
        <message>
            <source>▶ running</source>
            <translation>▶ en cours</translation>
        </message>
        <message>
            <source>✓ cached</source>
            <translation>✓ en cache</translation>
        </message>
        <message>
            <source>● built</source>
            <translation>● construite</translation>
        </message>
        <message>
            <source>✗ failed</source>
            <translation>✗ échouée</translation>
        </message>
        <message>
            <source>⊘ canceled</source>
            <translation>⊘ annulée</translation>
        </message>
        <message>
            <source>– not run</source>
            <translation>– non exécutée</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>non défini</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>Plateforme</translation>
        </message>
        <message>
            <source>Image ID</source>
            <translation>ID de l'image</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Création</translation>
        </message>
        <message>
            <source>Entrypoint</source>
            <translation>Entrypoint</translation>
        </message>
        <message>
            <source>Cmd</source>
            <translation>Cmd</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <source>Working dir</source>
            <translation>Dossier de travail</translation>
        </message>
        <message>
            <source>Env</source>
            <translation>Environnement</translation>
        </message>
        <message>
            <source>Exposed ports</source>
            <translation>Ports exposés</translation>
        </message>
        <message>
            <source>Volumes</source>
            <translation>Volumes</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>Healthcheck</source>
            <translation>Healthcheck</translation>
        </message>
        <message>
            <source>Stop signal</source>
            <translation>Signal d'arrêt</translation>
        </message>
        <message>
            <source>Shell</source>
            <translation>Shell</translation>
        </message>
        <message>
            <source>On build</source>
            <translation>ONBUILD</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <source>%1 has no flag --%2.</source>
            <translation>%1 n'a pas d'option --%2.</translation>
        </message>
        <message>
            <source>cannot write: %1</source>
            <translation>écriture impossible : %1</translation>
        </message>
        <message>
            <source>%1 from %2</source>
            <translation>%1 depuis %2</translation>
        </message>
        <message>
            <source>%1 downloaded; reading its layers…</source>
            <translation>%1 téléchargée ; lecture de ses couches…</translation>
        </message>
    </context>
    <context>
        <name>anatomy</name>
        <message>
            <source>manifest.json: the member holding the image config (its sha256 is the image ID).</source>
            <translation>manifest.json : l'élément de l'archive qui contient la configuration de l'image (son sha256 est l'ID de l'image).</translation>
        </message>
        <message>
            <source>manifest.json: the names (repository:tag) this image was saved under.</source>
            <translation>manifest.json : les noms (dépôt:tag) sous lesquels cette image a été enregistrée.</translation>
        </message>
        <message>
            <source>manifest.json: the layer blobs in order, bottom layer first.</source>
            <translation>manifest.json : les blobs des couches, dans l'ordre, la couche du bas en premier.</translation>
        </message>
        <message>
            <source>manifest.json: descriptors for layers not stored here (foreign or non-distributable).</source>
            <translation>manifest.json : les descripteurs des couches non stockées ici (étrangères ou non distribuables).</translation>
        </message>
        <message>
            <source>Always 2 for current manifests and indexes.</source>
            <translation>Toujours 2 pour les manifestes et les index actuels.</translation>
        </message>
        <message>
            <source>What kind of document or blob a descriptor points at, and how it is compressed.</source>
            <translation>Le type de document ou de blob vers lequel pointe un descripteur, et sa compression.</translation>
        </message>
        <message>
            <source>index.json: descriptors of the image manifests (one per image or platform).</source>
            <translation>index.json : les descripteurs des manifestes d'image (un par image ou par plateforme).</translation>
        </message>
        <message>
            <source>In a manifest: the descriptor of the image config. In a config: how a container runs (Env, Cmd, …).</source>
            <translation>Dans un manifeste : le descripteur de la configuration de l'image. Dans une configuration : comment s'exécute un conteneur (Env, Cmd, …).</translation>
        </message>
        <message>
            <source>In a manifest: descriptors of the layer blobs, bottom first.</source>
            <translation>Dans un manifeste : les descripteurs des blobs des couches, celle du bas en premier.</translation>
        </message>
        <message>
            <source>The sha256 of the bytes as stored: the blob's name under blobs/sha256/.</source>
            <translation>Le sha256 des octets tels que stockés : le nom du blob sous blobs/sha256/.</translation>
        </message>
        <message>
            <source>The exact byte count of the blob; a reader must check it.</source>
            <translation>Le nombre exact d'octets du blob ; tout outil qui le lit doit le vérifier.</translation>
        </message>
        <message>
            <source>Free-form metadata; org.opencontainers.image.ref.name is the tag in an OCI layout.</source>
            <translation>Métadonnées libres ; org.opencontainers.image.ref.name est le tag dans un layout OCI.</translation>
        </message>
        <message>
            <source>Which os/architecture the manifest is for, in a multi-platform index.</source>
            <translation>L'os et l'architecture auxquels s'applique le manifeste, dans un index multiplateforme.</translation>
        </message>
        <message>
            <source>The layers' DiffIDs: what the image's filesystem is made of.</source>
            <translation>Les DiffID des couches : ce qui compose le système de fichiers de l'image.</translation>
        </message>
        <message>
            <source>rootfs.diff_ids: sha256 of each layer's uncompressed tar, in order. Compression does not change them.</source>
            <translation>rootfs.diff_ids : le sha256 du tar décompressé de chaque couche, dans l'ordre. La compression ne les change pas.</translation>
        </message>
        <message>
            <source>One entry per Dockerfile step; the i-th entry without empty_layer belongs to the i-th layer.</source>
            <translation>Une entrée par étape du Dockerfile ; la i-ième entrée sans empty_layer correspond à la i-ième couche.</translation>
        </message>
        <message>
            <source>history: this step only changed the config (ENV, CMD, LABEL…) and added no layer.</source>
            <translation>history : cette étape n'a modifié que la configuration (ENV, CMD, LABEL…) et n'a ajouté aucune couche.</translation>
        </message>
        <message>
            <source>history: the command that made the step.</source>
            <translation>history : la commande à l'origine de l'étape.</translation>
        </message>
        <message>
            <source>The CPU architecture the binaries are built for.</source>
            <translation>L'architecture de processeur pour laquelle les binaires sont compilés.</translation>
        </message>
        <message>
            <source>The operating system: linux or windows.</source>
            <translation>Le système d'exploitation : linux ou windows.</translation>
        </message>
        <message>
            <source>oci-layout: the version of the OCI layout on disk.</source>
            <translation>oci-layout : la version du layout OCI sur le disque.</translation>
        </message>
        <message>
            <source>docker table of contents</source>
            <translation>sommaire docker</translation>
        </message>
        <message>
            <source>OCI index</source>
            <translation>index OCI</translation>
        </message>
        <message>
            <source>OCI layout marker</source>
            <translation>marqueur de layout OCI</translation>
        </message>
        <message>
            <source>dir format marker</source>
            <translation>marqueur du format dir</translation>
        </message>
        <message>
            <source>legacy tag map</source>
            <translation>table des tags (ancien format)</translation>
        </message>
        <message>
            <source>image config</source>
            <translation>configuration de l'image</translation>
        </message>
        <message>
            <source>image manifest</source>
            <translation>manifeste de l'image</translation>
        </message>
        <message>
            <source>layer %1</source>
            <translation>couche %1</translation>
        </message>
        <message>
            <source>legacy layer config</source>
            <translation>configuration de couche (ancien format)</translation>
        </message>
        <message>
            <source>legacy layer format version</source>
            <translation>version de l'ancien format de couche</translation>
        </message>
        <message>
            <source>legacy layer folder</source>
            <translation>dossier de couche (ancien format)</translation>
        </message>
        <message>
            <source>&lt;b&gt;manifest.json&lt;/b&gt; is docker save's table of contents: for each image, its config, tags and layers.</source>
            <translation>&lt;b&gt;manifest.json&lt;/b&gt; est le sommaire de docker save : pour chaque image, sa configuration, ses tags et ses couches.</translation>
        </message>
        <message>
            <source>&lt;b&gt;index.json&lt;/b&gt; is the entry point of an OCI layout: it lists the manifests it holds.</source>
            <translation>&lt;b&gt;index.json&lt;/b&gt; est le point d'entrée d'un layout OCI : il liste les manifestes que contient le layout.</translation>
        </message>
        <message>
            <source>&lt;b&gt;oci-layout&lt;/b&gt; marks the folder as an OCI image layout and gives its version.</source>
            <translation>&lt;b&gt;oci-layout&lt;/b&gt; signale que le dossier est un layout d'image OCI et en donne la version.</translation>
        </message>
        <message>
            <source>&lt;b&gt;version&lt;/b&gt; marks a folder that skopeo or podman wrote in their &lt;i&gt;dir&lt;/i&gt; format ("Directory Transport Version: 1.1"): manifest.json plus each blob as a file named by its hex digest.</source>
            <translation>&lt;b&gt;version&lt;/b&gt; signale un dossier écrit par skopeo ou podman dans leur format &lt;i&gt;dir&lt;/i&gt; (« Directory Transport Version: 1.1 ») : manifest.json, plus chaque blob dans un fichier nommé d'après son empreinte en hexadécimal.</translation>
        </message>
        <message>
            <source>&lt;b&gt;repositories&lt;/b&gt; is the legacy docker save tag map: repository → tag → top layer id.</source>
            <translation>&lt;b&gt;repositories&lt;/b&gt; est l'ancienne table des tags de docker save : dépôt → tag → ID de la couche du haut.</translation>
        </message>
        <message>
            <source>This is &lt;b&gt;the image config&lt;/b&gt; of the shown image: how it runs, its history and the DiffIDs of its layers. Its sha256 &lt;code&gt;%1&lt;/code&gt; is the image ID.</source>
            <translation>Ceci est &lt;b&gt;la configuration de l'image&lt;/b&gt; affichée : comment elle s'exécute, son historique et les DiffID de ses couches. Son sha256 &lt;code&gt;%1&lt;/code&gt; est l'ID de l'image.</translation>
        </message>
        <message>
            <source>This is &lt;b&gt;the image manifest&lt;/b&gt;: descriptors (media type, digest, size) of the config and each layer.</source>
            <translation>Ceci est &lt;b&gt;le manifeste de l'image&lt;/b&gt; : les descripteurs (type de média, empreinte, taille) de la configuration et de chaque couche.</translation>
        </message>
        <message>
            <source>This is &lt;b&gt;the blob of layer %1&lt;/b&gt; (%2). %3</source>
            <translation>Ceci est &lt;b&gt;le blob de la couche %1&lt;/b&gt; (%2). %3</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; is a legacy (v1) layer config, written by docker save for Docker versions before 1.10: this layer's v1 ID, its parent's ID and, for the top layer, the run settings. Docker since 1.10 and LayerLens read the image config named in manifest.json instead; the folder's name is that v1 ID, not a digest of the content.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; est une configuration de couche de l'ancien format (v1), écrite par docker save pour les versions de Docker antérieures à 1.10 : l'ID v1 de cette couche, celui de sa couche parente et, pour la couche du haut, les paramètres d'exécution. Docker (depuis la version 1.10) et LayerLens lisent à la place la configuration d'image indiquée dans manifest.json ; le nom du dossier est cet ID v1, pas une empreinte du contenu.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; gives the legacy layer format's version ("1.0") of the folder beside it, for Docker versions before 1.10.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; donne la version de l'ancien format de couche (« 1.0 ») utilisée par son dossier, pour les versions de Docker antérieures à 1.10.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; is a link to %2, kept for Docker versions before 1.10, which find a layer by its v1 folder.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; est un lien vers %2, conservé pour les versions de Docker antérieures à 1.10, qui trouvent une couche par son dossier v1.</translation>
        </message>
        <message>
            <source>the blob of layer %1</source>
            <translation>le blob de la couche %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; is a layer tar that manifest.json does not list for the shown image: a layer of another image in this archive.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; est un tar de couche que manifest.json ne liste pas pour l'image affichée : une couche d'une autre image de cette archive.</translation>
        </message>
        <message>
            <source>Not referenced by the shown image: a blob of another image in this archive, or a file LayerLens does not use.</source>
            <translation>Non référencé par l'image affichée : un blob d'une autre image de cette archive, ou un fichier que LayerLens n'utilise pas.</translation>
        </message>
        <message>
            <source>Fields in this document</source>
            <translation>Champs de ce document</translation>
        </message>
        <message>
            <source>&lt;h4&gt;Three digests per layer&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Blob digest&lt;/b&gt;: sha256 of the layer's bytes as stored (maybe compressed). It names the blob and is what the manifest lists.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DiffID&lt;/b&gt;: sha256 of the &lt;i&gt;uncompressed&lt;/i&gt; tar. The config lists them in rootfs.diff_ids; the same layer gzip- or zstd-compressed keeps its DiffID.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ChainID&lt;/b&gt;: identifies the stack up to this layer: ChainID(1) = DiffID(1), ChainID(n) = sha256(ChainID(n−1) + " " + DiffID(n)).&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;h4&gt;Trois empreintes par couche&lt;/h4&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Empreinte du blob&lt;/b&gt; : sha256 des octets de la couche tels que stockés (éventuellement compressés). Elle donne son nom au blob ; c'est elle que liste le manifeste.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DiffID&lt;/b&gt; : sha256 du tar &lt;i&gt;décompressé&lt;/i&gt;. La configuration les liste dans rootfs.diff_ids ; compressée en gzip ou en zstd, une même couche garde son DiffID.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ChainID&lt;/b&gt; : identifie la pile jusqu'à cette couche : ChainID(1) = DiffID(1), ChainID(n) = sha256(ChainID(n−1) + " " + DiffID(n)).&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Where blob digest and DiffID are equal below, the layer is stored uncompressed.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Ci-dessous, là où l'empreinte du blob et le DiffID sont égaux, la couche est stockée sans compression.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <source>Blob digest</source>
            <translation>Empreinte du blob</translation>
        </message>
        <message>
            <source>DiffID</source>
            <translation>DiffID</translation>
        </message>
        <message>
            <source>ChainID</source>
            <translation>ChainID</translation>
        </message>
    </context>
    <context>
        <name>cli::quiz</name>
        <message>
            <source>   Answer: %1) %2
</source>
            <translation>   Réponse : %1) %2
</translation>
        </message>
    </context>
    <context>
        <name>gui</name>
        <message>
            <source>file</source>
            <translation>fichier</translation>
        </message>
        <message>
            <source>directory</source>
            <translation>dossier</translation>
        </message>
        <message>
            <source>symlink</source>
            <translation>lien symbolique</translation>
        </message>
        <message>
            <source>hard link</source>
            <translation>lien physique</translation>
        </message>
        <message>
            <source>character device</source>
            <translation>périphérique caractère</translation>
        </message>
        <message>
            <source>block device</source>
            <translation>périphérique bloc</translation>
        </message>
        <message>
            <source>named pipe (FIFO)</source>
            <translation>tube nommé (FIFO)</translation>
        </message>
        <message>
            <source>socket</source>
            <translation>socket</translation>
        </message>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <source>OCI layout folder</source>
            <translation>dossier layout OCI</translation>
        </message>
        <message>
            <source>OCI archive</source>
            <translation>archive OCI</translation>
        </message>
        <message>
            <source>docker save (Docker 25+, OCI layout with manifest.json)</source>
            <translation>docker save (Docker 25+, layout OCI avec manifest.json)</translation>
        </message>
        <message>
            <source>docker save (docker-archive)</source>
            <translation>docker save (docker-archive)</translation>
        </message>
        <message>
            <source>docker-dir (podman save --format docker-dir)</source>
            <translation>docker-dir (podman save --format docker-dir)</translation>
        </message>
        <message>
            <source>legacy docker save (before Docker 1.10)</source>
            <translation>ancien docker save (avant Docker 1.10)</translation>
        </message>
        <message>
            <source>reading…</source>
            <translation>lecture…</translation>
        </message>
        <message>
            <source>✗ unreadable</source>
            <translation>✗ illisible</translation>
        </message>
        <message>
            <source>✗ FAILED</source>
            <translation>✗ ÉCHEC</translation>
        </message>
        <message>
            <source>✓ verified</source>
            <translation>✓ vérifiée</translation>
        </message>
        <message>
            <source>This layer is still being read.</source>
            <translation>Cette couche est encore en cours de lecture.</translation>
        </message>
        <message>
            <source>Blob digest (stored bytes): %1 — %2
DiffID (uncompressed tar): %3 — %4
ChainID: %5</source>
            <translation>Empreinte du blob (octets stockés) : %1 — %2
DiffID (tar décompressé) : %3 — %4
ChainID : %5</translation>
        </message>
        <message>
            <source>nothing is shown to export</source>
            <translation>rien n'est affiché à exporter</translation>
        </message>
        <message>
            <source>Exported from LayerLens</source>
            <translation>Exporté depuis LayerLens</translation>
        </message>
        <message>
            <source>cannot draw the SVG</source>
            <translation>impossible de dessiner le SVG</translation>
        </message>
        <message>
            <source>cannot write the PNG</source>
            <translation>impossible d'écrire le PNG</translation>
        </message>
        <message>
            <source>LayerLens writes PNG or SVG: name the file .png or .svg</source>
            <translation>LayerLens écrit du PNG ou du SVG : nommez le fichier en .png ou .svg</translation>
        </message>
        <message>
            <source>error</source>
            <translation>erreur</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>avertissement</translation>
        </message>
        <message>
            <source>info</source>
            <translation>info</translation>
        </message>
    </context>
    <context>
        <name>gui::AnatomyPane</name>
        <message>
            <source>Click a member to open it.</source>
            <translation>Cliquer sur un élément pour l'ouvrir.</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Élément</translation>
        </message>
        <message>
            <source>What it is</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>
layer %1</source>
            <translation>
couche %1</translation>
        </message>
        <message>
            <source>(binary, %1)</source>
            <translation>(binaire, %1)</translation>
        </message>
        <message>
            <source>Layer %1 blob: %2</source>
            <translation>Blob de la couche %1 : %2</translation>
        </message>
        <message>
            <source>Media type:     %1</source>
            <translation>Type de média :          %1</translation>
        </message>
        <message>
            <source>Stored size:    %1</source>
            <translation>Taille stockée :         %1</translation>
        </message>
        <message>
            <source>Uncompressed:   %1</source>
            <translation>Décompressée :           %1</translation>
        </message>
        <message>
            <source>Blob digest:    %1 (%2)</source>
            <translation>Empreinte du blob :      %1 (%2)</translation>
        </message>
        <message>
            <source>  manifest says %1</source>
            <translation>  selon le manifeste     %1</translation>
        </message>
        <message>
            <source>DiffID:         %1 (%2)</source>
            <translation>DiffID :                 %1 (%2)</translation>
        </message>
        <message>
            <source>  config says   %1</source>
            <translation>  selon la configuration %1</translation>
        </message>
        <message>
            <source>ChainID:        %1</source>
            <translation>ChainID :                %1</translation>
        </message>
        <message>
            <source>A layer is a tar of the files it adds or changes; select its step in the timeline to browse it.</source>
            <translation>Une couche est un tar des fichiers qu'elle ajoute ou modifie ; sélectionner son étape dans la chronologie pour la parcourir.</translation>
        </message>
    </context>
    <context>
        <name>gui::BuildPane</name>
        <message>
            <source>Nothing built yet. Build (Ctrl+B): the output of each step appears here.</source>
            <translation>Aucun build pour l'instant. Construire (Ctrl+B) : la sortie de chaque étape s'affichera ici.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Log&lt;/b&gt; — the whole build (select a step for its own lines)</source>
            <translation>&lt;b&gt;Journal&lt;/b&gt; — tout le build (sélectionner une étape pour n'afficher que ses lignes)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Log of step %1&lt;/b&gt; — its lines are #%2, as BuildKit numbers them</source>
            <translation>&lt;b&gt;Journal de l'étape %1&lt;/b&gt; — ses lignes sont préfixées #%2, selon la numérotation de BuildKit</translation>
        </message>
    </context>
    <context>
        <name>gui::BuildSettingsDialog</name>
        <message>
            <source>Run every step (--no-cache)</source>
            <translation>Exécuter toutes les étapes (--no-cache)</translation>
        </message>
        <message>
            <source>Let RUN --network=host use this machine's network (network.host)</source>
            <translation>Autoriser RUN --network=host à utiliser le réseau de cette machine (network.host)</translation>
        </message>
        <message>
            <source>Build Settings — %1</source>
            <translation>Paramètres du build — %1</translation>
        </message>
        <message>
            <source>name:tag — puts the image into the local store, where FROM finds it</source>
            <translation>nom:tag — place l'image dans le stockage local, où FROM la trouve</translation>
        </message>
        <message>
            <source>default — its own network, connected (as docker build)</source>
            <translation>default — un réseau à part, connecté (comme docker build)</translation>
        </message>
        <message>
            <source>none — loopback only</source>
            <translation>none — loopback uniquement</translation>
        </message>
        <message>
            <source>host — this machine's network</source>
            <translation>host — le réseau de cette machine</translation>
        </message>
        <message>
            <source>RUN's network unless the RUN says --network=…; in the default mode this machine's loopback is host.docker.internal</source>
            <translation>Réseau des RUN, sauf si le RUN indique --network=… ; en mode default, le loopback de cette machine est joignable sous host.docker.internal</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>&amp;Target stage:</source>
            <translation>Stage &amp;cible :</translation>
        </message>
        <message>
            <source>Build &amp;args:</source>
            <translation>&amp;Arguments de build :</translation>
        </message>
        <message>
            <source>T&amp;ag:</source>
            <translation>&amp;Tag :</translation>
        </message>
        <message>
            <source>&amp;Output:</source>
            <translation>&amp;Sortie :</translation>
        </message>
        <message>
            <source>RUN &amp;network:</source>
            <translation>&amp;Réseau de RUN :</translation>
        </message>
        <message>
            <source>The build context is the Dockerfile's folder: %1</source>
            <translation>Le contexte de build est le dossier du Dockerfile : %1</translation>
        </message>
        <message>
            <source>(the last stage)</source>
            <translation>(le dernier stage)</translation>
        </message>
        <message>
            <source>stage %1</source>
            <translation>stage %1</translation>
        </message>
        <message>
            <source>%1 (not in the Dockerfile)</source>
            <translation>%1 (absent du Dockerfile)</translation>
        </message>
        <message>
            <source>NAME=VALUE, one per line</source>
            <translation>NOM=VALEUR, un par ligne</translation>
        </message>
        <message>
            <source>NAME=VALUE, one per line; declared: %1</source>
            <translation>NOM=VALEUR, un par ligne ; déclarés : %1</translation>
        </message>
        <message>
            <source>Output Folder</source>
            <translation>Dossier de sortie</translation>
        </message>
        <message>
            <source>Output Archive</source>
            <translation>Archive de sortie</translation>
        </message>
        <message>
            <source>Image archives (*.tar)</source>
            <translation>Archives d'images (*.tar)</translation>
        </message>
    </context>
    <context>
        <name>gui::BuildStepsModel</name>
        <message>
            <source>The step's place in its stage, as docker build prints it. The log numbers its lines #N the way BuildKit does, counting its own preparation steps too.</source>
            <translation>Rang de l'étape dans son stage, tel que l'affiche docker build. Le journal numérote ses lignes #N comme BuildKit, qui compte aussi ses propres étapes de préparation.</translation>
        </message>
        <message>
            <source>The layer the step made, numbered as in Image layers once the built image is shown</source>
            <translation>La couche créée par l'étape, numérotée comme dans « Couches de l'image » une fois l'image construite affichée</translation>
        </message>
        <message>
            <source>The layer as stored: its compressed blob, what a push uploads</source>
            <translation>La couche telle que stockée : son blob compressé, ce qu'envoie un push</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Instruction  ↳ why it runs</source>
            <translation>Instruction  ↳ raison</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Durée</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>Stockée</translation>
        </message>
        <message>
            <source>Why it runs</source>
            <translation>Raison</translation>
        </message>
        <message>
            <source>no layer</source>
            <translation>sans couche</translation>
        </message>
        <message>
            <source>&lt;b&gt;Step %1&lt;/b&gt; (#%2 in the log): %3&lt;br&gt;%4</source>
            <translation>&lt;b&gt;Étape %1&lt;/b&gt; (#%2 dans le journal) : %3&lt;br&gt;%4</translation>
        </message>
        <message>
            <source> · Dockerfile lines %1–%2</source>
            <translation> · lignes %1–%2 du Dockerfile</translation>
        </message>
        <message>
            <source> · Dockerfile line %1</source>
            <translation> · ligne %1 du Dockerfile</translation>
        </message>
        <message>
            <source>&lt;br&gt;The base image ends at layer %1 of the image shown.</source>
            <translation>&lt;br&gt;L'image de base s'arrête à la couche %1 de l'image affichée.</translation>
        </message>
        <message>
            <source>&lt;br&gt;Made layer %1 of the image shown: select the step to see its files.</source>
            <translation>&lt;br&gt;A créé la couche %1 de l'image affichée : sélectionner l'étape pour voir ses fichiers.</translation>
        </message>
        <message>
            <source>&lt;br&gt;%1 stored (compressed)</source>
            <translation>&lt;br&gt;Taille stockée (compressée) : %1</translation>
        </message>
        <message>
            <source>#%1 will build: %2</source>
            <translation>#%1 à construire : %2</translation>
        </message>
        <message>
            <source>#%1 cache miss: %2</source>
            <translation>#%1 reconstruite : %2</translation>
        </message>
        <message numerus="yes">
            <source>#%1 … %n earlier line(s) not kept</source>
            <translation>
                <numerusform>#%1 … %n ligne précédente non conservée</numerusform>
                <numerusform>#%1 … %n lignes précédentes non conservées</numerusform>
            </translation>
        </message>
        <message>
            <source>#%1 will be taken from the cache</source>
            <translation>#%1 sera réutilisée depuis le cache</translation>
        </message>
        <message>
            <source>#%1 CANCELED</source>
            <translation>#%1 ANNULÉE</translation>
        </message>
    </context>
    <context>
        <name>gui::BuildWorkspace</name>
        <message>
            <source>From the build: %1 (line %2).</source>
            <translation>D'après le build : %1 (ligne %2).</translation>
        </message>
        <message>
            <source> The cache broke at line %1: %2.</source>
            <translation> Le cache a été invalidé à la ligne %1 : %2.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Prediction:&lt;/b&gt; every step (%1) comes from the cache.</source>
            <translation>&lt;b&gt;Prévision :&lt;/b&gt; toutes les étapes (%1) viendront du cache.</translation>
        </message>
        <message>
            <source> The cache breaks at line %1: %2</source>
            <translation> Le cache sera invalidé à la ligne %1 : %2</translation>
        </message>
        <message>
            <source>&lt;br&gt;&lt;b&gt;Stops early:&lt;/b&gt; %1</source>
            <translation>&lt;br&gt;&lt;b&gt;Arrêt prématuré :&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Cannot predict the build:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Impossible de prévoir le build :&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&amp;Build</source>
            <translation>&amp;Construire</translation>
        </message>
        <message>
            <source>Ctrl+B</source>
            <translation>Ctrl+B</translation>
        </message>
        <message>
            <source>Build the Dockerfile in the editor, its folder as the context (Ctrl+B)</source>
            <translation>Construire le Dockerfile de l'éditeur, avec son dossier comme contexte (Ctrl+B)</translation>
        </message>
        <message>
            <source>&amp;Cancel Build</source>
            <translation>&amp;Annuler le build</translation>
        </message>
        <message>
            <source>Ctrl+Shift+B</source>
            <translation>Ctrl+Shift+B</translation>
        </message>
        <message>
            <source>Stop the build; the steps that finished stay in the cache (Ctrl+Shift+B)</source>
            <translation>Arrêter le build ; les étapes terminées restent dans le cache (Ctrl+Shift+B)</translation>
        </message>
        <message>
            <source>Build &amp;Settings…</source>
            <translation>Para&amp;mètres du build…</translation>
        </message>
        <message>
            <source>Ctrl+Alt+B</source>
            <translation>Ctrl+Alt+B</translation>
        </message>
        <message>
            <source>Target stage, build args, tag, output, no-cache, RUN's network — kept per Dockerfile (Ctrl+Alt+B)</source>
            <translation>Stage cible, arguments de build, tag, sortie, no-cache, réseau des RUN — mémorisés pour chaque Dockerfile (Ctrl+Alt+B)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Build&lt;/b&gt;</source>
            <translation>&lt;b&gt;Build&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Build&lt;/b&gt; %1 &lt;span style='color:gray'&gt;context: %2&lt;/span&gt;</source>
            <translation>&lt;b&gt;Build&lt;/b&gt; %1 &lt;span style='color:gray'&gt;contexte : %2&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Not built:&lt;/b&gt; the Dockerfile could not be saved. %1</source>
            <translation>&lt;b&gt;Build non lancé :&lt;/b&gt; impossible d'enregistrer le Dockerfile. %1</translation>
        </message>
        <message>
            <source>Canceling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Building…&lt;/b&gt; %1 of %2 steps done, %3 from the cache</source>
            <translation>&lt;b&gt;Build en cours…&lt;/b&gt; %1 étapes terminées sur %2, dont %3 depuis le cache</translation>
        </message>
        <message>
            <source>&lt;b&gt;Built&lt;/b&gt; in %1 s: %2 of %3 steps from the cache.</source>
            <translation>&lt;b&gt;Build terminé&lt;/b&gt; en %1 s : %2 étapes sur %3 réutilisées depuis le cache.</translation>
        </message>
        <message>
            <source> Select a step to see its lines and its files.</source>
            <translation> Sélectionner une étape pour voir ses lignes et ses fichiers.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Build canceled.&lt;/b&gt; The steps that finished are in the cache; nothing half-written was kept.</source>
            <translation>&lt;b&gt;Build annulé.&lt;/b&gt; Les étapes terminées sont dans le cache ; aucun résultat partiel n'a été conservé.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Build failed:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Échec du build :&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Built&lt;/b&gt; %1 (the previous file) in %2 s.</source>
            <translation>&lt;b&gt;Build terminé&lt;/b&gt; pour %1 (le fichier précédent) en %2 s.</translation>
        </message>
        <message>
            <source>The build of %1 (the previous file) did not finish: %2</source>
            <translation>Le build de %1 (le fichier précédent) n'a pas abouti : %2</translation>
        </message>
        <message>
            <source>Open a Dockerfile (File › Open Dockerfile…) or the sample project (Build › Open Sample Build Project) to build it here: its folder is the build context.</source>
            <translation>Ouvrir un Dockerfile (Fichier › Ouvrir un Dockerfile…) ou le projet d'exemple (Build › Ouvrir le projet d'exemple) pour le construire ici : son dossier sert de contexte de build.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;Prediction:&lt;/b&gt; %n step(s) from the cache, %1 will build.</source>
            <translation>
                <numerusform>&lt;b&gt;Prévision :&lt;/b&gt; %n étape depuis le cache, %1 à construire.</numerusform>
                <numerusform>&lt;b&gt;Prévision :&lt;/b&gt; %n étapes depuis le cache, %1 à construire.</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;Prediction:&lt;/b&gt; no step could be foreseen.</source>
            <translation>&lt;b&gt;Prévision :&lt;/b&gt; aucune étape n'a pu être prévue.</translation>
        </message>
    </context>
    <context>
        <name>gui::CompareDialog</name>
        <message>
            <source>added in B</source>
            <translation>ajouté dans B</translation>
        </message>
        <message>
            <source>only in A</source>
            <translation>seulement dans A</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>modifié</translation>
        </message>
        <message>
            <source>content</source>
            <translation>contenu</translation>
        </message>
        <message>
            <source>mode</source>
            <translation>droits</translation>
        </message>
        <message>
            <source>owner</source>
            <translation>propriétaire</translation>
        </message>
        <message>
            <source>link target</source>
            <translation>cible du lien</translation>
        </message>
        <message>
            <source>type</source>
            <translation>type</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Parcourir…</translation>
        </message>
        <message>
            <source>&amp;Compare</source>
            <translation>&amp;Comparer</translation>
        </message>
        <message>
            <source>Compare %1 with…</source>
            <translation>Comparer %1 avec…</translation>
        </message>
        <message>
            <source>Image B: an image file, an OCI layout folder or an image name (python:3.12-slim)</source>
            <translation>Image B : une archive d'image, un dossier layout OCI ou un nom d'image (python:3.12-slim)</translation>
        </message>
        <message>
            <source>&lt;b&gt;A&lt;/b&gt; %1 — choose &lt;b&gt;B&lt;/b&gt; and Compare.</source>
            <translation>&lt;b&gt;A&lt;/b&gt; %1 — choisir &lt;b&gt;B&lt;/b&gt; puis Comparer.</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Chemin</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Différence</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>Ce qui change</translation>
        </message>
        <message>
            <source>Size in A</source>
            <translation>Taille dans A</translation>
        </message>
        <message>
            <source>Size in B</source>
            <translation>Taille dans B</translation>
        </message>
        <message>
            <source>Config field</source>
            <translation>Champ de configuration</translation>
        </message>
        <message>
            <source>In A</source>
            <translation>Dans A</translation>
        </message>
        <message>
            <source>In B</source>
            <translation>Dans B</translation>
        </message>
        <message>
            <source>Image B</source>
            <translation>Image B</translation>
        </message>
        <message>
            <source>Image archives (*.tar *.tar.gz *.tgz *.oci);;All files (*)</source>
            <translation>Archives d'images (*.tar *.tar.gz *.tgz *.oci);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Comparing the two filesystems…</source>
            <translation>Comparaison des deux systèmes de fichiers…</translation>
        </message>
        <message>
            <source>&lt;b&gt;B could not be compared:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Impossible de comparer B :&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>%1 holds %2 images; compare with one of them opened on its own (File › Open, then its name).</source>
            <translation>%1 contient %2 images ; comparer avec l'une d'elles ouverte seule (Fichier › Ouvrir, puis son nom).</translation>
        </message>
        <message>
            <source>Image &amp;B:</source>
            <translation>Image &amp;B :</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>Lecture de %1…</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n layer(s)&lt;/b&gt; from the bottom are the same in both (same ChainID): %1 of B, of which %2 stored as the same blobs as A's (same digest): a machine holding A does not download those again.</source>
            <translation>
                <numerusform>&lt;b&gt;%n couche&lt;/b&gt; à partir du bas est la même dans les deux (même ChainID) : %1 de B, dont %2 stockés dans les mêmes blobs que ceux de A (même empreinte) : une machine qui a déjà A ne les télécharge pas à nouveau.</numerusform>
                <numerusform>&lt;b&gt;%n couches&lt;/b&gt; à partir du bas sont les mêmes dans les deux (même ChainID) : %1 de B, dont %2 stockés dans les mêmes blobs que ceux de A (même empreinte) : une machine qui a déjà A ne les télécharge pas à nouveau.</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;No common base&lt;/b&gt;: the first layers differ.</source>
            <translation>&lt;b&gt;Aucune base commune&lt;/b&gt; : les premières couches diffèrent.</translation>
        </message>
        <message>
            <source>&lt;b&gt;A&lt;/b&gt; %1 · %2 · %3&lt;br&gt;&lt;b&gt;B&lt;/b&gt; %4 · %5 · %6</source>
            <translation>&lt;b&gt;A&lt;/b&gt; %1 · %2 · %3&lt;br&gt;&lt;b&gt;B&lt;/b&gt; %4 · %5 · %6</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s)</source>
            <translation>
                <numerusform>%n couche</numerusform>
                <numerusform>%n couches</numerusform>
            </translation>
        </message>
        <message>
            <source>Then %1 of A's own and %2 of B's own.</source>
            <translation>Ensuite, A a %1 en propre et B %2.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The same filesystem and run config.&lt;/b&gt;</source>
            <translation>&lt;b&gt;Même système de fichiers et même configuration d'exécution.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>the same</source>
            <translation>identique</translation>
        </message>
        <message numerus="yes">
            <source>%n field(s) differ</source>
            <translation>
                <numerusform>%n champ diffère</numerusform>
                <numerusform>%n champs diffèrent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>History: %n step(s) the same from the first, then %1 in A and %2 in B.</source>
            <translation>
                <numerusform>Historique : %n étape identique depuis la première, puis %1 dans A et %2 dans B.</numerusform>
                <numerusform>Historique : %n étapes identiques depuis la première, puis %1 dans A et %2 dans B.</numerusform>
            </translation>
        </message>
        <message>
            <source>The table shows the first %1 of %2 files (layerlens-cli diff --json gives them all).</source>
            <translation>Le tableau montre les %1 premiers fichiers sur %2 (layerlens-cli diff --json les donne tous).</translation>
        </message>
        <message>
            <source>Files: %1 (%2), %3 (%4), %5. Config: %6.</source>
            <translation>Fichiers : %1 (%2), %3 (%4), %5. Configuration : %6.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%Ln&lt;/b&gt; added in B</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; ajouté dans B</numerusform>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; ajoutés dans B</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%Ln&lt;/b&gt; only in A</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; seulement dans A</numerusform>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; seulement dans A</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%Ln&lt;/b&gt; changed</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; modifié</numerusform>
                <numerusform>&lt;b&gt;%Ln&lt;/b&gt; modifiés</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Export Picture…</source>
            <translation>&amp;Exporter le schéma…</translation>
        </message>
        <message>
            <source>The two stacks of layers and their shared base, as a PNG image or an SVG drawing for slides</source>
            <translation>Les deux piles de couches et leur base commune, en image PNG ou en dessin SVG pour des diapositives</translation>
        </message>
        <message>
            <source>Export Picture</source>
            <translation>Exporter le schéma</translation>
        </message>
        <message>
            <source>%1 was not written: %2</source>
            <translation>%1 n'a pas été écrit : %2</translation>
        </message>
        <message>
            <source>nothing compared yet</source>
            <translation>rien n'a encore été comparé</translation>
        </message>
        <message>
            <source>Shared &amp;Layers</source>
            <translation>C&amp;ouches communes</translation>
        </message>
        <message>
            <source>&amp;Files</source>
            <translation>&amp;Fichiers</translation>
        </message>
        <message>
            <source>Co&amp;nfig</source>
            <translation>Co&amp;nfig</translation>
        </message>
        <message>
            <source>&amp;Files (%1)</source>
            <translation>&amp;Fichiers (%1)</translation>
        </message>
        <message>
            <source>Co&amp;nfig (%1)</source>
            <translation>Co&amp;nfig (%1)</translation>
        </message>
        <message>
            <source>%1 uncompressed, %2 stored</source>
            <translation>%1 décompressés, %2 stockés</translation>
        </message>
    </context>
    <context>
        <name>gui::DockerfileEditorPane</name>
        <message>
            <source>Edit</source>
            <translation>Modifier</translation>
        </message>
        <message>
            <source>Allow editing this text (a reconstructed Dockerfile opens read-only)</source>
            <translation>Autoriser la modification de ce texte (un Dockerfile reconstitué s'ouvre en lecture seule)</translation>
        </message>
        <message>
            <source>Highlighting: %1</source>
            <translation>Coloration : %1</translation>
        </message>
        <message>
            <source>untitled reconstructed</source>
            <translation>sans titre, reconstitué</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>sans titre</translation>
        </message>
        <message>
            <source> — modified</source>
            <translation> — modifié</translation>
        </message>
        <message>
            <source> · read-only</source>
            <translation> · lecture seule</translation>
        </message>
        <message>
            <source> · rebuilt from the image history: COPY sources and build args are not recorded</source>
            <translation> · reconstitué depuis l'historique de l'image : les sources des COPY et les arguments de build n'y sont pas enregistrés</translation>
        </message>
        <message>
            <source>%1 is larger than 16 MiB; that is not a Dockerfile.</source>
            <translation>%1 dépasse 16 Mio ; ce n'est pas un Dockerfile.</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>Impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <source>%1 is not a text file. (To open an image archive, drop it outside the editor.)</source>
            <translation>%1 n'est pas un fichier texte. (Pour ouvrir une archive d'image, la déposer en dehors de l'éditeur.)</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>Impossible d'enregistrer %1 : %2</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>%1 has unsaved changes. Save them first?</source>
            <translation>%1 contient des modifications non enregistrées. Les enregistrer d'abord ?</translation>
        </message>
        <message>
            <source>Open Dockerfile</source>
            <translation>Ouvrir un Dockerfile</translation>
        </message>
        <message>
            <source>Dockerfiles (Dockerfile* *.Dockerfile *.dockerfile Containerfile*);;All files (*)</source>
            <translation>Dockerfiles (Dockerfile* *.Dockerfile *.dockerfile Containerfile*);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Save Dockerfile As</source>
            <translation>Enregistrer le Dockerfile sous</translation>
        </message>
    </context>
    <context>
        <name>gui::EfficiencyPane</name>
        <message numerus="yes">
            <source> layer(s)</source>
            <translation>
                <numerusform> couche</numerusform>
                <numerusform> couches</numerusform>
            </translation>
        </message>
        <message>
            <source>How many of the image's first layers came with its base image (0: FROM scratch). Hidden bytes in them are the base's; the tree's "Changes since the base" compares with them.</source>
            <translation>Nombre de premières couches de l'image apportées par son image de base (0 : FROM scratch). Les octets masqués qu'elles contiennent sont imputés à la base ; la vue « Changements depuis la base » de l'arborescence les prend comme référence.</translation>
        </message>
        <message>
            <source>&lt;i&gt;%1&lt;/i&gt;</source>
            <translation>&lt;i&gt;%1&lt;/i&gt;</translation>
        </message>
        <message numerus="yes">
            <source>&lt;i&gt;Set by you (LayerLens said %n layer(s)).&lt;/i&gt;</source>
            <translation>
                <numerusform>&lt;i&gt;Réglé à la main (LayerLens proposait %n couche).&lt;/i&gt;</numerusform>
                <numerusform>&lt;i&gt;Réglé à la main (LayerLens proposait %n couches).&lt;/i&gt;</numerusform>
            </translation>
        </message>
        <message>
            <source>Efficiency is computed once every layer has been read.</source>
            <translation>L'efficacité est calculée une fois toutes les couches lues.</translation>
        </message>
        <message>
            <source>Guessed from %1. Correct it if you know better.</source>
            <translation>Estimé d'après %1. À corriger si nécessaire.</translation>
        </message>
        <message>
            <source>n/a (one layer)</source>
            <translation>sans objet (une seule couche)</translation>
        </message>
        <message>
            <source>no base image: every layer was built here</source>
            <translation>pas d'image de base : toutes les couches ont été construites ici</translation>
        </message>
        <message>
            <source>every layer is the base image's: nothing was built on it</source>
            <translation>toutes les couches viennent de l'image de base : rien n'a été construit dessus</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; in your layers (%2–%3): a change to the Dockerfile can save them; &lt;b&gt;%4&lt;/b&gt; in the base image's (%5): only another base image can</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; dans les couches construites (%2–%3) : une modification du Dockerfile peut les économiser ; &lt;b&gt;%4&lt;/b&gt; dans celles de l'image de base (%5) : seule une autre image de base le peut</translation>
        </message>
        <message>
            <source>layer 1</source>
            <translation>couche 1</translation>
        </message>
        <message>
            <source>layers 1–%1</source>
            <translation>couches 1–%1</translation>
        </message>
        <message>
            <source>&lt;p style='font-size:large'&gt;&lt;b&gt;dive's figures&lt;/b&gt; &amp;nbsp; efficiency &lt;b&gt;%1 %&lt;/b&gt; &amp;nbsp; wasted &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; user wasted &lt;b&gt;%3&lt;/b&gt; &amp;nbsp; %4 inefficient files&lt;/p&gt;&lt;p style='font-size:large'&gt;&lt;b&gt;LayerLens&lt;/b&gt; &amp;nbsp; hidden by later layers &lt;b&gt;%5&lt;/b&gt; in %6 files, of %7 of file content in all layers&lt;/p&gt;&lt;p&gt;Of them: %8.&lt;/p&gt;&lt;p&gt;&lt;small&gt;&lt;i&gt;Hidden&lt;/i&gt;: file bytes the layers store that the final filesystem does not show, counted per file wherever it was replaced or removed (dive counts a removed folder once, and counts the copy that stays). Double-click a path to see it in the tree.&lt;/small&gt;&lt;/p&gt;</source>
            <translation>&lt;p style='font-size:large'&gt;&lt;b&gt;Chiffres de dive&lt;/b&gt; &amp;nbsp; efficacité &lt;b&gt;%1 %&lt;/b&gt; &amp;nbsp; espace gaspillé &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; gaspillage utilisateur &lt;b&gt;%3&lt;/b&gt; &amp;nbsp; %4 fichiers inefficaces&lt;/p&gt;&lt;p style='font-size:large'&gt;&lt;b&gt;LayerLens&lt;/b&gt; &amp;nbsp; masqué par les couches suivantes &lt;b&gt;%5&lt;/b&gt; dans %6 fichiers, sur %7 de contenu de fichiers dans l'ensemble des couches&lt;/p&gt;&lt;p&gt;Dont : %8.&lt;/p&gt;&lt;p&gt;&lt;small&gt;&lt;i&gt;Masqué&lt;/i&gt; : octets de fichiers que les couches stockent mais que le système de fichiers final ne montre pas, comptés par fichier partout où il a été remplacé ou supprimé (dive compte une seule fois un dossier supprimé, et compte la copie qui reste). Double-cliquer sur un chemin pour le voir dans l'arborescence.&lt;/small&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Layers of the base &amp;image:</source>
            <translation>Couches de l'ima&amp;ge de base :</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>%1 B (%2)</source>
            <translation>%1 o (%2)</translation>
        </message>
    </context>
    <context>
        <name>gui::FileDetailsPane</name>
        <message>
            <source>Save As…</source>
            <translation>Enregistrer sous…</translation>
        </message>
        <message>
            <source>Select a file to see its content.</source>
            <translation>Sélectionner un fichier pour voir son contenu.</translation>
        </message>
        <message>
            <source>Write this file's bytes to a place you choose (Ctrl+Shift+S)</source>
            <translation>Écrire les octets de ce fichier à l'emplacement choisi (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>removed in layer %1 (shown: what it was before)</source>
            <translation>supprimé dans la couche %1 (affiché : ce qu'il était avant)</translation>
        </message>
        <message>
            <source>removed in layer %1 by the whiteout %2 (shown: what it was before)</source>
            <translation>supprimé dans la couche %1 par le whiteout %2 (affiché : ce qu'il était avant)</translation>
        </message>
        <message>
            <source>not created yet: layer %1 adds it (shown: what it will be)</source>
            <translation>pas encore créé : la couche %1 l'ajoute (affiché : ce qu'il sera)</translation>
        </message>
        <message>
            <source>not in the filesystem after layer %1</source>
            <translation>absent du système de fichiers après la couche %1</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Propriétaire</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Modifié le</translation>
        </message>
        <message>
            <source>Hard link to</source>
            <translation>Lien physique vers</translation>
        </message>
        <message>
            <source>Symlink target</source>
            <translation>Cible du lien symbolique</translation>
        </message>
        <message>
            <source>Content sha256</source>
            <translation>sha256 du contenu</translation>
        </message>
        <message>
            <source>In layer %1</source>
            <translation>Dans la couche %1</translation>
        </message>
        <message>
            <source>not touched</source>
            <translation>non concerné</translation>
        </message>
        <message>
            <source>layer %1 %2</source>
            <translation>couche %1 : %2</translation>
        </message>
        <message>
            <source>Layers touching it</source>
            <translation>Couches concernées</translation>
        </message>
        <message>
            <source>What it is</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>&lt;p&gt;Select a path in the tree to see its attributes, the layers that touched it and its content.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Sélectionner un chemin dans l'arborescence pour voir ses attributs, les couches qui le concernent et son contenu.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>(%1: no content to show)</source>
            <translation>(%1 : aucun contenu à afficher)</translation>
        </message>
        <message>
            <source>(not present after this layer)</source>
            <translation>(absent après cette couche)</translation>
        </message>
        <message>
            <source>no layer holds this file</source>
            <translation>aucune couche ne contient ce fichier</translation>
        </message>
        <message>
            <source>Reading from layer %1…</source>
            <translation>Lecture depuis la couche %1…</translation>
        </message>
        <message>
            <source>
… (%1 in all; preview limited, from layer %2)</source>
            <translation>
… (%1 au total ; aperçu limité, depuis la couche %2)</translation>
        </message>
        <message>
            <source>Save file from the image</source>
            <translation>Enregistrer un fichier de l'image</translation>
        </message>
        <message>
            <source>Saving %1…</source>
            <translation>Enregistrement de %1…</translation>
        </message>
        <message>
            <source>Saving the file from its layer…</source>
            <translation>Enregistrement du fichier depuis sa couche…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>Enregistrer sous</translation>
        </message>
        <message>
            <source>Saved %1 to %2</source>
            <translation>%1 enregistrés dans %2</translation>
        </message>
        <message>
            <source>Save canceled; nothing was written to %1</source>
            <translation>Enregistrement annulé ; rien n'a été écrit dans %1</translation>
        </message>
        <message>
            <source>Save failed, nothing was written: %1</source>
            <translation>Échec de l'enregistrement, rien n'a été écrit : %1</translation>
        </message>
        <message>
            <source>%1 (%2 bytes)</source>
            <translation>%1 (%2 octets)</translation>
        </message>
    </context>
    <context>
        <name>gui::FileTreeModel</name>
        <message>
            <source>opaque</source>
            <translation>opaque</translation>
        </message>
        <message>
            <source>%1  opaque</source>
            <translation>%1  opaque</translation>
        </message>
        <message>
            <source>since the base (last touched in layer %1)</source>
            <translation>depuis la base (dernière couche concernée : %1)</translation>
        </message>
        <message>
            <source>in layer %1</source>
            <translation>dans la couche %1</translation>
        </message>
        <message>
            <source>
written again %1, identical (a new mtime alone is not a change)</source>
            <translation>
réécrit %1, à l'identique (un nouveau mtime seul n'est pas un changement)</translation>
        </message>
        <message>
            <source>
removed by the marker %1 in its folder in layer %2: that folder is opaque, so nothing below it from the layers underneath shows through</source>
            <translation>
supprimé par le marqueur %1 de son dossier dans la couche %2 : ce dossier est opaque, donc rien de ce que les couches inférieures y contiennent ne transparaît</translation>
        </message>
        <message>
            <source>
removed by the whiteout entry %1 beside it in layer %2 (a file whose name starts with .wh. hides that path from the layers underneath)</source>
            <translation>
supprimé par l'entrée whiteout %1 placée à côté dans la couche %2 (un fichier dont le nom commence par .wh. masque ce chemin venant des couches inférieures)</translation>
        </message>
        <message>
            <source>
opaque in layer %1: its tar holds .wh..wh..opq here, so this folder shows only what layer %1 and later put in it</source>
            <translation>
opaque dans la couche %1 : son tar contient ici .wh..wh..opq, donc ce dossier ne montre que ce que la couche %1 et les suivantes y ont mis</translation>
        </message>
        <message>
            <source>
marked against an empty filesystem (no base)</source>
            <translation>
comparé à un système de fichiers vide (pas de base)</translation>
        </message>
        <message>
            <source>
marked against the filesystem after layer %1 (the base)</source>
            <translation>
comparé au système de fichiers après la couche %1 (la base)</translation>
        </message>
        <message>
            <source>A file: its size (a hard link: the file it shares). A folder: the bytes this layer writes below it (files added, modified or given new attributes), not its whole content. A removed path: what it held before; its folder does not count it.</source>
            <translation>Fichier : sa taille (lien physique : celle du fichier partagé). Dossier : les octets que cette couche écrit en dessous (fichiers ajoutés, modifiés ou aux attributs changés), pas tout son contenu. Chemin supprimé : ce qu'il contenait avant ; son dossier ne le compte pas.</translation>
        </message>
        <message>
            <source>A file: its size (a hard link: the file it shares). A folder: everything below it after this layer, each file counted once.</source>
            <translation>Fichier : sa taille (lien physique : celle du fichier partagé). Dossier : tout ce qu'il contient après cette couche, chaque fichier compté une fois.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>uid:gid</source>
            <translation>uid:gid</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Changement</translation>
        </message>
    </context>
    <context>
        <name>gui::FileTreePane</name>
        <message>
            <source>Changes in this layer</source>
            <translation>Changements dans cette couche</translation>
        </message>
        <message>
            <source>Filesystem after this layer</source>
            <translation>Système de fichiers après cette couche</translation>
        </message>
        <message>
            <source>Changes since the base</source>
            <translation>Changements depuis la base</translation>
        </message>
        <message>
            <source>Show what the selected layer changed (Ctrl+1), the whole filesystem as it stands after it (Ctrl+2), or that filesystem marked against the base image's (Ctrl+3: dive's aggregated view; the base is set in Efficiency)</source>
            <translation>Afficher ce que la couche sélectionnée a changé (Ctrl+1), tout le système de fichiers tel qu'il est après elle (Ctrl+2), ou ce système de fichiers comparé à celui de l'image de base (Ctrl+3 : vue agrégée de dive ; la base se règle dans l'onglet Efficacité)</translation>
        </message>
        <message>
            <source>Filter paths: text, *.so, /usr/lib/*</source>
            <translation>Filtrer les chemins : texte, *.so, /usr/lib/*</translation>
        </message>
        <message>
            <source>Regex</source>
            <translation>Regex</translation>
        </message>
        <message>
            <source> KiB</source>
            <translation> Kio</translation>
        </message>
        <message>
            <source>≥ </source>
            <translation>≥ </translation>
        </message>
        <message>
            <source>Only files at least this big</source>
            <translation>Seulement les fichiers d'au moins cette taille</translation>
        </message>
        <message>
            <source>Expand all</source>
            <translation>Tout déplier</translation>
        </message>
        <message>
            <source>Collapse all</source>
            <translation>Tout replier</translation>
        </message>
        <message>
            <source>Building the tree…</source>
            <translation>Construction de l'arborescence…</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Afficher :</translation>
        </message>
        <message>
            <source>Paths the layer (or, since the base, no layer) changed not at all</source>
            <translation>Chemins que la couche n'a pas du tout changés (ou, depuis la base, qu'aucune couche n'a changés)</translation>
        </message>
        <message>
            <source>Paths marked %1</source>
            <translation>Chemins marqués « %1 »</translation>
        </message>
        <message>
            <source>A new mtime alone is not a change. D .wh.NAME: removed by that whiteout entry of the layer's tar.</source>
            <translation>Un nouveau mtime seul n'est pas un changement. D .wh.NOM : supprimé par cette entrée whiteout du tar de la couche.</translation>
        </message>
        <message>
            <source>invalid regex</source>
            <translation>regex invalide</translation>
        </message>
        <message>
            <source>&lt;b&gt;Layer %1 is part of the base image&lt;/b&gt; (layers 1–%2): pick a later layer to see what was built on the base.</source>
            <translation>&lt;b&gt;La couche %1 fait partie de l'image de base&lt;/b&gt; (couches 1–%2) : choisir une couche plus récente pour voir ce qui a été construit sur la base.</translation>
        </message>
        <message>
            <source>&lt;b&gt;No path matches the filter in this layer.&lt;/b&gt; Change or clear the filter to see them again.</source>
            <translation>&lt;b&gt;Aucun chemin ne correspond au filtre dans cette couche.&lt;/b&gt; Modifier ou effacer le filtre pour revoir les chemins.</translation>
        </message>
        <message>
            <source>Changes since the base (none: all added)</source>
            <translation>Changements depuis la base (aucune : tout est ajouté)</translation>
        </message>
        <message>
            <source>Changes since the base (layer 1)</source>
            <translation>Changements depuis la base (couche 1)</translation>
        </message>
        <message>
            <source>Changes since the base (layers 1–%1)</source>
            <translation>Changements depuis la base (couches 1–%1)</translation>
        </message>
    </context>
    <context>
        <name>gui::FindBar</name>
        <message>
            <source>Match &amp;case</source>
            <translation>Respecter &amp;la casse</translation>
        </message>
        <message>
            <source>&amp;Whole words</source>
            <translation>Mots e&amp;ntiers</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>Replace with</source>
            <translation>Remplacer par</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>Sui&amp;vant</translation>
        </message>
        <message>
            <source>&amp;Previous</source>
            <translation>&amp;Précédent</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Remplacer</translation>
        </message>
        <message>
            <source>Replace &amp;All</source>
            <translation>Tout re&amp;mplacer</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Wrapped around</source>
            <translation>La recherche a bouclé</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>Introuvable</translation>
        </message>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation>
                <numerusform>%n occurrence remplacée</numerusform>
                <numerusform>%n occurrences remplacées</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::ImageLoader</name>
        <message>
            <source>the download was abandoned</source>
            <translation>le téléchargement a été abandonné</translation>
        </message>
        <message>
            <source>Reading the manifest and config…</source>
            <translation>Lecture du manifeste et de la configuration…</translation>
        </message>
        <message numerus="yes">
            <source>Reading %n layer(s)…</source>
            <translation>
                <numerusform>Lecture de %n couche…</numerusform>
                <numerusform>Lecture de %n couches…</numerusform>
            </translation>
        </message>
        <message>
            <source>Layers 1–%1 of %2 are read and shown; reading the rest…</source>
            <translation>Couches 1–%1 sur %2 lues et affichées ; lecture de la suite…</translation>
        </message>
        <message>
            <source>Merging layers…</source>
            <translation>Fusion des couches…</translation>
        </message>
    </context>
    <context>
        <name>gui::ImagePickerDialog</name>
        <message>
            <source>Choose an image</source>
            <translation>Choisir une image</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; is published for %2 platforms, none of them this machine's (%3). Which one should LayerLens download and show?</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; est publiée pour %2 plateformes, dont aucune n'est celle de cette machine (%3). Laquelle LayerLens doit-il télécharger et afficher ?</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; (%2) holds %3 images or platforms. Which one should LayerLens show?</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; (%2) contient %3 images ou plateformes. Laquelle LayerLens doit-il afficher ?</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Name and tags</source>
            <translation>Nom et tags</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>Plateforme</translation>
        </message>
        <message>
            <source>Manifest digest</source>
            <translation>Empreinte du manifeste</translation>
        </message>
        <message>
            <source>Layers (stored)</source>
            <translation>Couches (stockées)</translation>
        </message>
        <message>
            <source>Not listed: %1</source>
            <translation>Absents de la liste : %1</translation>
        </message>
        <message>
            <source>(unnamed)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <source>%1 (this machine)</source>
            <translation>%1 (cette machine)</translation>
        </message>
        <message>
            <source>(not stated)</source>
            <translation>(non indiquée)</translation>
        </message>
        <message>
            <source>(not here)</source>
            <translation>(hors fichier)</translation>
        </message>
        <message>
            <source>What this image's layers take as stored (compressed or not), from its manifest or its layer files; "(not here)": this file does not hold the image's manifest.</source>
            <translation>La place qu'occupent les couches de cette image telles que stockées (compressées ou non), d'après son manifeste ou ses fichiers de couche ; « (hors fichier) » : ce fichier ne contient pas le manifeste de l'image.</translation>
        </message>
    </context>
    <context>
        <name>gui::KshHighlighter</name>
        <message>
            <source>KSyntaxHighlighting (definition "%1", theme "%2")</source>
            <translation>KSyntaxHighlighting (définition « %1 », thème « %2 »)</translation>
        </message>
    </context>
    <context>
        <name>gui::LayerSizeChart</name>
        <message>
            <source>Layer %1: %2 of file content, %3 of it hidden by later layers
(%4 uncompressed with tar headers and folders, %5 stored)</source>
            <translation>Couche %1 : %2 de contenu de fichiers, dont %3 masqués par les couches suivantes
(%4 décompressés avec en-têtes tar et dossiers, %5 stockés)</translation>
        </message>
    </context>
    <context>
        <name>gui::LayerTimelineModel</name>
        <message>
            <source>metadata</source>
            <translation>métadonnées</translation>
        </message>
        <message>
            <source>Step %1 made layer %2:
%3 stored (the compressed blob an archive or a registry holds)
%4 uncompressed (its tar stream, as docker history counts)
%5 of file content in %6 tar entries</source>
            <translation>L'étape %1 a créé la couche %2 :
%3 stockés (le blob compressé que contient une archive ou un registre)
%4 décompressés (son flux tar, comme le compte docker history)
%5 de contenu de fichiers dans %6 entrées tar</translation>
        </message>
        <message>
            <source>

(metadata step: changes the config, adds no layer)</source>
            <translation>

(étape de métadonnées : modifie la configuration, n'ajoute aucune couche)</translation>
        </message>
        <message>
            <source>

Created %1</source>
            <translation>

Créée le %1</translation>
        </message>
        <message>
            <source>The step's place in the image's history, from 1 (metadata-only steps included)</source>
            <translation>Le rang de l'étape dans l'historique de l'image, à partir de 1 (étapes de métadonnées comprises)</translation>
        </message>
        <message>
            <source>The layer the step made, from 1; empty when the step only changed the config</source>
            <translation>La couche créée par l'étape, à partir de 1 ; vide si l'étape n'a modifié que la configuration</translation>
        </message>
        <message>
            <source>The layer uncompressed: the size of its tar stream, as docker history counts it</source>
            <translation>La couche décompressée : la taille de son flux tar, comme la compte docker history</translation>
        </message>
        <message>
            <source>The layer as stored: its compressed blob, what a pull downloads</source>
            <translation>La couche telle que stockée : son blob compressé, ce que télécharge un pull</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <source>Instruction</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <source>Uncompressed</source>
            <translation>Décompressée</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>Stockée</translation>
        </message>
        <message>
            <source>Digests</source>
            <translation>Empreintes</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Création</translation>
        </message>
    </context>
    <context>
        <name>gui::LessonPanel</name>
        <message>
            <source>Chapter</source>
            <translation>Chapitre</translation>
        </message>
        <message>
            <source>Previous chapter</source>
            <translation>Chapitre précédent</translation>
        </message>
        <message>
            <source>Next chapter</source>
            <translation>Chapitre suivant</translation>
        </message>
        <message>
            <source>Show me:</source>
            <translation>Montrez-moi :</translation>
        </message>
    </context>
    <context>
        <name>gui::LexerHighlighter</name>
        <message>
            <source>built-in (LayerLens Dockerfile parser)</source>
            <translation>intégré (analyseur Dockerfile de LayerLens)</translation>
        </message>
    </context>
    <context>
        <name>gui::MainWindow</name>
        <message>
            <source>Image la&amp;yers</source>
            <translation>C&amp;ouches de l'image</translation>
        </message>
        <message>
            <source>B&amp;uild steps</source>
            <translation>Étapes de b&amp;uild</translation>
        </message>
        <message>
            <source>&amp;Build</source>
            <translation>&amp;Build</translation>
        </message>
        <message>
            <source>Open Sample Build &amp;Project</source>
            <translation>Ouvrir le projet d'e&amp;xemple</translation>
        </message>
        <message>
            <source>A small Dockerfile that builds offline: build it, change a line, build again</source>
            <translation>Un petit Dockerfile qui se construit hors ligne : le construire, modifier une ligne, le reconstruire</translation>
        </message>
        <message>
            <source>Build</source>
            <translation>Build</translation>
        </message>
        <message>
            <source>&lt;b&gt;Could not set up the sample project&lt;/b&gt;&lt;br&gt;%1</source>
            <translation>&lt;b&gt;Impossible de préparer le projet d'exemple&lt;/b&gt;&lt;br&gt;%1</translation>
        </message>
        <message>
            <source>LayerLens</source>
            <translation>LayerLens</translation>
        </message>
        <message>
            <source>Loading canceled.</source>
            <translation>Chargement annulé.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The image's history&lt;/b&gt; — select a step to see what its layer changed</source>
            <translation>&lt;b&gt;L'historique de l'image&lt;/b&gt; — sélectionner une étape pour voir ce que sa couche a modifié</translation>
        </message>
        <message>
            <source>&amp;Files</source>
            <translation>F&amp;ichiers</translation>
        </message>
        <message>
            <source>&amp;Config</source>
            <translation>&amp;Config</translation>
        </message>
        <message>
            <source>&amp;Efficiency</source>
            <translation>Efficaci&amp;té</translation>
        </message>
        <message>
            <source>&amp;Anatomy</source>
            <translation>&amp;Anatomie</translation>
        </message>
        <message>
            <source>&amp;Dockerfile</source>
            <translation>Doc&amp;kerfile</translation>
        </message>
        <message>
            <source>&amp;Dockerfile •</source>
            <translation>Doc&amp;kerfile •</translation>
        </message>
        <message>
            <source>&amp;Sizes</source>
            <translation>Taille&amp;s</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Stop reading this image (Esc)</source>
            <translation>Arrêter la lecture de cette image (Échap)</translation>
        </message>
        <message>
            <source>Could not write the sample image: %1</source>
            <translation>Impossible d'écrire l'image d'exemple : %1</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>Ouverture de %1…</translation>
        </message>
        <message>
            <source>No image open.</source>
            <translation>Aucune image ouverte.</translation>
        </message>
        <message>
            <source>%1 — LayerLens</source>
            <translation>%1 — LayerLens</translation>
        </message>
        <message>
            <source>%1 — %2 — LayerLens</source>
            <translation>%1 — %2 — LayerLens</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s), %1 — </source>
            <translation>
                <numerusform>%n couche, %1 — </numerusform>
                <numerusform>%n couches, %1 — </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n étape</numerusform>
                <numerusform>%n étapes</numerusform>
            </translation>
        </message>
        <message>
            <source>all digests verified</source>
            <translation>toutes les empreintes vérifiées</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s) failed verification</source>
            <translation>
                <numerusform>%n couche en échec de vérification</numerusform>
                <numerusform>%n couches en échec de vérification</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n layer(s) failed verification.&lt;/b&gt; They are still shown, marked ✗ in the timeline; hover the mark to see which digest differs.</source>
            <translation>
                <numerusform>&lt;b&gt;%n couche a échoué à la vérification.&lt;/b&gt; Elle reste affichée, marquée ✗ dans la chronologie ; survoler la marque pour voir quelle empreinte diffère.</numerusform>
                <numerusform>&lt;b&gt;%n couches ont échoué à la vérification.&lt;/b&gt; Elles restent affichées, marquées ✗ dans la chronologie ; survoler la marque pour voir quelle empreinte diffère.</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not open the image; still showing the previous one.</source>
            <translation>Impossible d'ouvrir l'image ; la précédente reste affichée.</translation>
        </message>
        <message>
            <source>Could not open the image.</source>
            <translation>Impossible d'ouvrir l'image.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Could not open %1&lt;/b&gt;&lt;br&gt;%2</source>
            <translation>&lt;b&gt;Impossible d'ouvrir %1&lt;/b&gt;&lt;br&gt;%2</translation>
        </message>
        <message>
            <source>%1 holds %2 images; none was chosen. &lt;a href="choose"&gt;Choose one…&lt;/a&gt;</source>
            <translation>%1 contient %2 images ; aucune n'a été choisie. &lt;a href="choose"&gt;En choisir une…&lt;/a&gt;</translation>
        </message>
        <message>
            <source>Step %1 · layer %2</source>
            <translation>Étape %1 · couche %2</translation>
        </message>
        <message>
            <source>Step %1 · metadata only, no layer</source>
            <translation>Étape %1 · métadonnées seules, sans couche</translation>
        </message>
        <message>
            <source>Step %1 adds no layer (it only changes the image's config): shown is the filesystem it ran on, after layer %2.</source>
            <translation>L'étape %1 n'ajoute aucune couche (elle ne modifie que la configuration de l'image) : voici le système de fichiers sur lequel elle s'est exécutée, après la couche %2.</translation>
        </message>
        <message>
            <source>Step %1 adds no layer (it only changes the image's config).</source>
            <translation>L'étape %1 n'ajoute aucune couche (elle ne modifie que la configuration de l'image).</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Open Image File…</source>
            <translation>&amp;Ouvrir une archive d'image…</translation>
        </message>
        <message>
            <source>Open OCI Layout &amp;Folder…</source>
            <translation>Ouvrir un dossier &amp;layout OCI…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+O</source>
            <translation>Ctrl+Shift+O</translation>
        </message>
        <message>
            <source>Open Image by &amp;Name…</source>
            <translation>Ouvrir une image par son &amp;nom…</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Images &amp;récentes</translation>
        </message>
        <message>
            <source>Open the &amp;Sample Image</source>
            <translation>Ouvrir l'image d'&amp;exemple</translation>
        </message>
        <message>
            <source>Ctrl+Shift+N</source>
            <translation>Ctrl+Shift+N</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>Re&amp;charger</translation>
        </message>
        <message>
            <source>&amp;Cancel Loading</source>
            <translation>&amp;Annuler le chargement</translation>
        </message>
        <message>
            <source>Save Selected File &amp;As…</source>
            <translation>Enregistrer le fichier sélectionné &amp;sous…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>Affic&amp;hage</translation>
        </message>
        <message>
            <source>&amp;Changes in This Layer</source>
            <translation>&amp;Changements dans cette couche</translation>
        </message>
        <message>
            <source>Ctrl+1</source>
            <translation>Ctrl+1</translation>
        </message>
        <message>
            <source>&amp;Filesystem After This Layer</source>
            <translation>&amp;Système de fichiers après cette couche</translation>
        </message>
        <message>
            <source>Ctrl+2</source>
            <translation>Ctrl+2</translation>
        </message>
        <message>
            <source>Changes Since the &amp;Base</source>
            <translation>Changements depuis la &amp;base</translation>
        </message>
        <message>
            <source>Ctrl+3</source>
            <translation>Ctrl+3</translation>
        </message>
        <message>
            <source>Filter &amp;Paths / Find in Dockerfile</source>
            <translation>&amp;Filtrer les chemins / Rechercher dans le Dockerfile</translation>
        </message>
        <message>
            <source>&amp;Expand All</source>
            <translation>Tout &amp;déplier</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>C&amp;ollapse All</source>
            <translation>Tout &amp;replier</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>&amp;Next Layer</source>
            <translation>Couche s&amp;uivante</translation>
        </message>
        <message>
            <source>Alt+Down</source>
            <translation>Alt+Down</translation>
        </message>
        <message>
            <source>P&amp;revious Layer</source>
            <translation>Couche précéd&amp;ente</translation>
        </message>
        <message>
            <source>Alt+Up</source>
            <translation>Alt+Up</translation>
        </message>
        <message>
            <source>&amp;Larger Text</source>
            <translation>Texte plus &amp;grand</translation>
        </message>
        <message>
            <source>&amp;Smaller Text</source>
            <translation>Texte plus &amp;petit</translation>
        </message>
        <message>
            <source>&amp;Normal Text Size</source>
            <translation>&amp;Taille de texte normale</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>F&amp;ull Screen</source>
            <translation>Plei&amp;n écran</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aid&amp;e</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;About LayerLens</source>
            <translation>À &amp;propos de LayerLens</translation>
        </message>
        <message>
            <source>Open &amp;Dockerfile…</source>
            <translation>Ouvrir un &amp;Dockerfile…</translation>
        </message>
        <message>
            <source>Ctrl+Alt+O</source>
            <translation>Ctrl+Alt+O</translation>
        </message>
        <message>
            <source>Save Docker&amp;file</source>
            <translation>Enregistrer le Docker&amp;file</translation>
        </message>
        <message>
            <source>Save Dockerfile As…</source>
            <translation>Enregistrer le Dockerfile sous…</translation>
        </message>
        <message>
            <source>Show Reconstructed Dockerfile</source>
            <translation>Afficher le Dockerfile reconstitué</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Replace in Dockerfile</source>
            <translation>Rem&amp;placer dans le Dockerfile</translation>
        </message>
        <message>
            <source>Ctrl+H</source>
            <translation>Ctrl+H</translation>
        </message>
        <message>
            <source>&amp;Go to Stage</source>
            <translation>Aller au &amp;stage</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table cellspacing='6'&gt;</source>
            <translation>&lt;h3&gt;Raccourcis clavier&lt;/h3&gt;&lt;table cellspacing='6'&gt;</translation>
        </message>
        <message>
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+F / C / E / A / D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Files, Config, Efficiency, Anatomy, Dockerfile tab&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Drop an image file or an OCI layout folder anywhere on the window to open it; a file named Dockerfile or Containerfile opens in the Dockerfile tab.&lt;/p&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+I / C / T / A / K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Onglets Fichiers, Config, Efficacité, Anatomie, Dockerfile&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Déposer une archive d'image ou un dossier layout OCI n'importe où sur la fenêtre pour l'ouvrir ; un fichier nommé Dockerfile ou Containerfile s'ouvre dans l'onglet Dockerfile.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>About LayerLens</source>
            <translation>À propos de LayerLens</translation>
        </message>
        <message>
            <source>&lt;h3&gt;LayerLens %1&lt;/h3&gt;&lt;p&gt;Inspect container images layer by layer: docker save archives (legacy and 25+), OCI archives and OCI layout folders.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;LayerLens %1&lt;/h3&gt;&lt;p&gt;Inspecter les images de conteneurs couche par couche : archives docker save (ancien format et Docker 25+), archives OCI et dossiers layout OCI.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Open Image</source>
            <translation>Ouvrir une image</translation>
        </message>
        <message>
            <source>Image archives (*.tar *.tar.gz *.tgz);;All files (*)</source>
            <translation>Archives d'images (*.tar *.tar.gz *.tgz);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Open Image by Name</source>
            <translation>Ouvrir une image par son nom</translation>
        </message>
        <message>
            <source>&lt;p&gt;An image name, as you would give it to &lt;code&gt;docker pull&lt;/code&gt;:&lt;/p&gt;&lt;p&gt;&lt;code&gt;python:3.12-slim&lt;/code&gt;, &lt;code&gt;quay.io/org/app:1.2&lt;/code&gt;, &lt;code&gt;localhost:5000/app@sha256:…&lt;/code&gt;&lt;/p&gt;&lt;p&gt;A bare name is looked up in LayerLens's image store, then in Docker or Podman if one is running, then in its registry. Force one with &lt;code&gt;docker://&lt;/code&gt;, &lt;code&gt;docker-daemon:&lt;/code&gt; or &lt;code&gt;podman:&lt;/code&gt;. Only the layers the store does not hold yet are downloaded.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Un nom d'image, tel qu'on le donnerait à &lt;code&gt;docker pull&lt;/code&gt; :&lt;/p&gt;&lt;p&gt;&lt;code&gt;python:3.12-slim&lt;/code&gt;, &lt;code&gt;quay.io/org/app:1.2&lt;/code&gt;, &lt;code&gt;localhost:5000/app@sha256:…&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Un nom sans préfixe est cherché dans le stockage d'images de LayerLens, puis dans Docker ou Podman si l'un d'eux tourne, puis dans le registre de l'image. Pour imposer la source : &lt;code&gt;docker://&lt;/code&gt;, &lt;code&gt;docker-daemon:&lt;/code&gt; ou &lt;code&gt;podman:&lt;/code&gt;. Seules les couches absentes du stockage sont téléchargées.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Open OCI Layout Folder</source>
            <translation>Ouvrir un dossier layout OCI</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(aucune pour l'instant)</translation>
        </message>
        <message>
            <source>Clear List</source>
            <translation>Effacer la liste</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>System Language (%1)</source>
            <translation>Langue du système (%1)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>La&amp;yout</source>
            <translation>D&amp;isposition</translation>
        </message>
        <message>
            <source>&amp;Tabs</source>
            <translation>&amp;Onglets</translation>
        </message>
        <message>
            <source>One pane at a time on the right, in tabs</source>
            <translation>Un seul panneau à la fois à droite, en onglets</translation>
        </message>
        <message>
            <source>&amp;Build: Dockerfile, Steps and Files Together</source>
            <translation>&amp;Build : Dockerfile, étapes et fichiers ensemble</translation>
        </message>
        <message>
            <source>The Dockerfile above the selected step's files, beside the build steps: edit, build and see each step land</source>
            <translation>Le Dockerfile au-dessus des fichiers de l'étape sélectionnée, à côté des étapes de build : modifier, construire et voir arriver chaque étape</translation>
        </message>
        <message>
            <source>&amp;dive: Layers, Efficiency and Files Together</source>
            <translation>&amp;dive : couches, efficacité et fichiers ensemble</translation>
        </message>
        <message>
            <source>dive's one screen: the layers above the efficiency figures, beside the changed tree</source>
            <translation>L'écran unique de dive : les couches au-dessus des chiffres d'efficacité, à côté de l'arborescence des modifications</translation>
        </message>
        <message>
            <source>&amp;Quiz on This Image…</source>
            <translation>&amp;Quiz sur cette image…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+Q</source>
            <translation>Ctrl+Shift+Q</translation>
        </message>
        <message>
            <source>A build is running in this window: it changes language when you choose the language again after the build, or when LayerLens starts again.</source>
            <translation>Un build est en cours dans cette fenêtre : elle changera de langue si vous choisissez à nouveau la langue après le build, ou au prochain démarrage de LayerLens.</translation>
        </message>
        <message>
            <source>The quiz asks about an image once all its layers are read.</source>
            <translation>Le quiz porte sur une image une fois toutes ses couches lues.</translation>
        </message>
        <message>
            <source>Co&amp;mpare With Another Image…</source>
            <translation>Co&amp;mparer avec une autre image…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <source>Comparing starts once all the open image's layers are read.</source>
            <translation>La comparaison commence une fois toutes les couches de l'image ouverte lues.</translation>
        </message>
        <message>
            <source>Open an image first: the quiz asks about it.</source>
            <translation>Ouvrir d'abord une image : le quiz porte sur elle.</translation>
        </message>
        <message>
            <source>Open an image first: it is A, the one compared.</source>
            <translation>Ouvrir d'abord une image : c'est A, celle que l'on compare.</translation>
        </message>
        <message>
            <source>%1 is not shown in the tree: a filter hides it.</source>
            <translation>%1 n'apparaît pas dans l'arborescence : un filtre le masque.</translation>
        </message>
        <message>
            <source>E&amp;xport the Pane in Front…</source>
            <translation>Ex&amp;porter le volet au premier plan…</translation>
        </message>
        <message>
            <source>Ctrl+Alt+E</source>
            <translation>Ctrl+Alt+E</translation>
        </message>
        <message>
            <source>Export the &amp;Timeline…</source>
            <translation>Exporter la c&amp;hronologie…</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>M&amp;ode présentation</translation>
        </message>
        <message>
            <source>That pane is not shown: bring it to the front first.</source>
            <translation>Ce volet n'est pas affiché : l'amener d'abord au premier plan.</translation>
        </message>
        <message>
            <source>Export as Image</source>
            <translation>Exporter en image</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg)</source>
            <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
        </message>
        <message>
            <source>%1 was not written: %2</source>
            <translation>%1 n'a pas été écrit : %2</translation>
        </message>
        <message>
            <source>Wrote %1</source>
            <translation>Écrit : %1</translation>
        </message>
        <message>
            <source>&amp;Lesson</source>
            <translation>&amp;Leçon</translation>
        </message>
        <message>
            <source>Ctrl+Shift+H</source>
            <translation>Ctrl+Shift+H</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Leçon</translation>
        </message>
        <message>
            <source>Ctrl+Shift+F11</source>
            <translation>Ctrl+Shift+F11</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 existe déjà. Le remplacer ?</translation>
        </message>
        <message>
            <source>The sample project starts FROM scratch, with COPY steps only: %1</source>
            <translation>Le projet d'exemple part de FROM scratch, avec des étapes COPY seulement : %1</translation>
        </message>
    </context>
    <context>
        <name>gui::ProblemsModel</name>
        <message>
            <source>No problems</source>
            <translation>Aucun problème</translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n erreur</numerusform>
                <numerusform>%n erreurs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n avertissement</numerusform>
                <numerusform>%n avertissements</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n info(s)</source>
            <translation>
                <numerusform>%n info</numerusform>
                <numerusform>%n infos</numerusform>
            </translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Gravité</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
    </context>
    <context>
        <name>gui::ProblemsPane</name>
        <message>
            <source>Select a problem to read why its rule matters.</source>
            <translation>Sélectionner un problème pour savoir pourquoi sa règle est importante.</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;i&gt;BuildKit check: &lt;code&gt;# check=skip=%1&lt;/code&gt; turns it off in both tools.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;i&gt;Vérification BuildKit : &lt;code&gt;# check=skip=%1&lt;/code&gt; la désactive dans les deux outils.&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Problems&lt;/b&gt; — %1</source>
            <translation>&lt;b&gt;Problèmes&lt;/b&gt; — %1</translation>
        </message>
    </context>
    <context>
        <name>gui::QuizDialog</name>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Vérifier</translation>
        </message>
        <message>
            <source>&amp;Show Me</source>
            <translation>&amp;Montrer</translation>
        </message>
        <message>
            <source>&amp;Next Question</source>
            <translation>Question &amp;suivante</translation>
        </message>
        <message>
            <source>Quiz — %1</source>
            <translation>Quiz — %1</translation>
        </message>
        <message>
            <source>Show the pane of the window that proves the answer</source>
            <translation>Afficher le volet de la fenêtre qui prouve la réponse</translation>
        </message>
        <message>
            <source>This image gives nothing to ask about: it has no layer that could be read.</source>
            <translation>Cette image ne permet aucune question : elle n'a aucune couche lisible.</translation>
        </message>
        <message>
            <source>Question %1 of %2 · score %3 of %4</source>
            <translation>Question %1 sur %2 · score %3 sur %4</translation>
        </message>
        <message>
            <source>See the &amp;Score</source>
            <translation>Voir le &amp;score</translation>
        </message>
        <message>
            <source>✓ Right.</source>
            <translation>✓ Exact.</translation>
        </message>
        <message>
            <source>✗ Not quite: the answer is %1) %2.</source>
            <translation>✗ Pas tout à fait : la réponse est %1) %2.</translation>
        </message>
        <message>
            <source>Score: %1 of %2</source>
            <translation>Score : %1 sur %2</translation>
        </message>
        <message>
            <source>Every answer right.</source>
            <translation>Toutes les réponses sont justes.</translation>
        </message>
        <message>
            <source>Go through the questions again: each one shows the pane that proves it.</source>
            <translation>Reprenez les questions : chacune montre le volet qui la prouve.</translation>
        </message>
        <message>
            <source>&amp;Again</source>
            <translation>&amp;Recommencer</translation>
        </message>
    </context>
    <context>
        <name>gui::SizesPane</name>
        <message>
            <source>Up</source>
            <translation>Remonter</translation>
        </message>
        <message>
            <source>&lt;b&gt;File content per layer&lt;/b&gt; — hatched: bytes a later layer removes or rewrites (hidden). Hover a bar for its uncompressed and stored sizes; click it to pick the layer.</source>
            <translation>&lt;b&gt;Contenu des fichiers par couche&lt;/b&gt; — hachuré : octets qu'une couche suivante supprime ou réécrit (masqués). Survoler une barre pour voir ses tailles décompressée et stockée ; cliquer dessus pour choisir la couche.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Filesystem after the layer&lt;/b&gt; — area is size, colour is this layer's change; click a folder to zoom in</source>
            <translation>&lt;b&gt;Système de fichiers après la couche&lt;/b&gt; — la surface indique la taille, la couleur le changement de cette couche ; cliquer sur un dossier pour zoomer</translation>
        </message>
        <message>
            <source>Back to the parent folder (Backspace, or right-click the map)</source>
            <translation>Retour au dossier parent (Retour arrière, ou clic droit sur la carte)</translation>
        </message>
    </context>
    <context>
        <name>gui::TreemapWidget</name>
        <message>
            <source>Nothing to show: the filesystem is empty after this layer.</source>
            <translation>Rien à afficher : le système de fichiers est vide après cette couche.</translation>
        </message>
        <message>
            <source>Adding up the sizes after layer %1…</source>
            <translation>Calcul des tailles après la couche %1…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln entry(s) of %1 too small to draw, %2 in all</source>
            <translation>
                <numerusform>%Ln entrée de %1 trop petite pour être dessinée, %2 en tout</numerusform>
                <numerusform>%Ln entrées de %1 trop petites pour être dessinées, %2 en tout</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gui::WastedPathsModel</name>
        <message>
            <source>layer %1 %2</source>
            <translation>couche %1 : %2</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Chemin</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>Masqué</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>Stocké</translation>
        </message>
        <message>
            <source>What the layers did</source>
            <translation>Ce qu'ont fait les couches</translation>
        </message>
    </context>
    <context>
        <name>gui::lesson</name>
        <message>
            <source>Every image starts from a base: the layers of another image, which FROM takes as they are. What the base holds decides what the steps on it can do: a shell for RUN, a package manager to install with.</source>
            <translation>Toute image part d'une base : les couches d'une autre image, que FROM reprend telles quelles. Ce que contient la base détermine ce que peuvent faire les étapes construites dessus : un shell pour RUN, un gestionnaire de paquets pour installer des logiciels.</translation>
        </message>
        <message>
            <source>Reading the base…</source>
            <translation>Lecture de la base…</translation>
        </message>
        <message>
            <source>This image has no layer: it is as empty as FROM scratch.</source>
            <translation>Cette image n'a aucune couche : elle est aussi vide que FROM scratch.</translation>
        </message>
        <message>
            <source>%1 uncompressed (%2 as stored), of %3 for the whole image.</source>
            <translation>%1 décompressés (%2 stockés), sur %3 pour toute l'image.</translation>
        </message>
        <message>
            <source>&lt;li&gt;Distribution: none named, no /etc/os-release (as in FROM scratch, busybox or distroless-like bases).&lt;/li&gt;</source>
            <translation>&lt;li&gt;Distribution : aucune indiquée, pas de /etc/os-release (comme dans FROM scratch, busybox ou les bases de type distroless).&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Distribution: reading /%1…&lt;/li&gt;</source>
            <translation>&lt;li&gt;Distribution : lecture de /%1…&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Distribution: /%1 could not be read: %2&lt;/li&gt;</source>
            <translation>&lt;li&gt;Distribution : /%1 n'a pas pu être lu : %2&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Distribution: &lt;b&gt;%1&lt;/b&gt; (ID %2, version %3), from /%4 in layer %5.&lt;/li&gt;</source>
            <translation>&lt;li&gt;Distribution : &lt;b&gt;%1&lt;/b&gt; (ID %2, version %3), d'après /%4 dans la couche %5.&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Package manager: none found (apt, apk, dnf, yum, zypper, pacman): RUN cannot install packages; copy in what you need.&lt;/li&gt;</source>
            <translation>&lt;li&gt;Gestionnaire de paquets : aucun trouvé (apt, apk, dnf, yum, zypper, pacman) : RUN ne peut pas installer de paquets ; copiez ce qu'il vous faut.&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Package manager: &lt;b&gt;%1&lt;/b&gt; (/%2): RUN can install packages.&lt;/li&gt;</source>
            <translation>&lt;li&gt;Gestionnaire de paquets : &lt;b&gt;%1&lt;/b&gt; (/%2) : RUN peut installer des paquets.&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Shell: none at /bin/sh: a RUN in shell form fails, and docker exec cannot open a shell.&lt;/li&gt;</source>
            <translation>&lt;li&gt;Shell : pas de /bin/sh : un RUN en forme shell échoue, et docker exec ne peut pas ouvrir de shell.&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Shell: &lt;b&gt;/%1&lt;/b&gt;: RUN and docker exec have a shell.&lt;/li&gt;</source>
            <translation>&lt;li&gt;Shell : &lt;b&gt;/%1&lt;/b&gt; : RUN et docker exec disposent d'un shell.&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;Shell: &lt;b&gt;/%1&lt;/b&gt;, which leads to /%2: RUN and docker exec have a shell.&lt;/li&gt;</source>
            <translation>&lt;li&gt;Shell : &lt;b&gt;/%1&lt;/b&gt;, qui mène à /%2 : RUN et docker exec disposent d'un shell.&lt;/li&gt;</translation>
        </message>
        <message>
            <source>The families of bases, for Python</source>
            <translation>Les familles de bases, pour Python</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Famille</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>Exemple</translation>
        </message>
        <message>
            <source>Typical size</source>
            <translation>Taille typique</translation>
        </message>
        <message>
            <source>What it has</source>
            <translation>Ce qu'elle contient</translation>
        </message>
        <message>
            <source>this image's base</source>
            <translation>la base de cette image</translation>
        </message>
        <message>
            <source>no shell</source>
            <translation>pas de shell</translation>
        </message>
        <message>
            <source>a shell</source>
            <translation>un shell</translation>
        </message>
        <message>
            <source>no package manager</source>
            <translation>pas de gestionnaire de paquets</translation>
        </message>
        <message>
            <source>Typical sizes are uncompressed and approximate: they change with every release. The figures for this image are measured.</source>
            <translation>Les tailles typiques sont décompressées et approximatives : elles changent à chaque version. Les chiffres de cette image sont mesurés.</translation>
        </message>
        <message>
            <source>The base's last layer</source>
            <translation>La dernière couche de la base</translation>
        </message>
        <message>
            <source>os-release in the tree</source>
            <translation>os-release dans l'arborescence</translation>
        </message>
        <message>
            <source>The shell in the tree</source>
            <translation>Le shell dans l'arborescence</translation>
        </message>
        <message>
            <source>A Dockerfile is a list of steps, and the image config keeps one history entry per step. A step that changes files (RUN, COPY, ADD) also makes one layer: a tar of what it added, changed and removed. The others (ENV, CMD, LABEL, WORKDIR, EXPOSE…) change only the configuration; their entry is marked empty_layer.</source>
            <translation>Un Dockerfile est une liste d'étapes, et la configuration de l'image garde une entrée d'historique par étape. Une étape qui change des fichiers (RUN, COPY, ADD) produit aussi une couche : un tar de ce qu'elle a ajouté, modifié et supprimé. Les autres (ENV, CMD, LABEL, WORKDIR, EXPOSE…) ne changent que la configuration ; leur entrée porte la marque empty_layer.</translation>
        </message>
        <message>
            <source>This image: %1, %2, %3.</source>
            <translation>Cette image : %1, %2, %3.</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n étape</numerusform>
                <numerusform>%n étapes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s)</source>
            <translation>
                <numerusform>%n couche</numerusform>
                <numerusform>%n couches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n metadata-only step(s)</source>
            <translation>
                <numerusform>%n étape de métadonnées seules</numerusform>
                <numerusform>%n étapes de métadonnées seules</numerusform>
            </translation>
        </message>
        <message>
            <source>Instruction</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more step(s): the timeline shows them all.</source>
            <translation>
                <numerusform>… et %n étape de plus : la chronologie les montre toutes.</numerusform>
                <numerusform>… et %n étapes de plus : la chronologie les montre toutes.</numerusform>
            </translation>
        </message>
        <message>
            <source>The timeline</source>
            <translation>La chronologie</translation>
        </message>
        <message>
            <source>A metadata-only step</source>
            <translation>Une étape de métadonnées seules</translation>
        </message>
        <message>
            <source>The largest layer</source>
            <translation>La plus grosse couche</translation>
        </message>
        <message>
            <source>Nothing in an image is named by hand: every blob (the config and each layer) is known by the sha256 of its bytes, its digest. Change one byte and the name changes; a reader checks the bytes against the name, so nothing can be swapped unnoticed.</source>
            <translation>Dans une image, rien n'est nommé à la main : chaque blob (la configuration et chaque couche) est désigné par le sha256 de ses octets, son empreinte. Changez un octet et le nom change ; un lecteur compare les octets au nom, si bien que rien ne peut être remplacé sans qu'on le voie.</translation>
        </message>
        <message>
            <source>Layer %1 is %2 as stored (%3), in the archive as &lt;code&gt;%4&lt;/code&gt;.</source>
            <translation>La couche %1 fait %2 stockée (%3) et se trouve dans l'archive sous &lt;code&gt;%4&lt;/code&gt;.</translation>
        </message>
        <message>
            <source>Hashing its bytes now…</source>
            <translation>Calcul de l'empreinte de ses octets…</translation>
        </message>
        <message>
            <source>Its bytes could not be hashed: %1</source>
            <translation>L'empreinte de ses octets n'a pas pu être calculée : %1</translation>
        </message>
        <message>
            <source>the digest the inspector measured when it read the layer</source>
            <translation>l'empreinte que l'inspecteur a calculée en lisant la couche</translation>
        </message>
        <message>
            <source>the manifest's entry for layer %1: &lt;code&gt;%2&lt;/code&gt;</source>
            <translation>l'entrée du manifeste pour la couche %1 : &lt;code&gt;%2&lt;/code&gt;</translation>
        </message>
        <message>
            <source>this format's manifest states no blob digest: the name and the config's DiffIDs are what a reader checks</source>
            <translation>le manifeste de ce format ne donne pas d'empreinte de blob : un lecteur vérifie le nom et les DiffID de la configuration</translation>
        </message>
        <message>
            <source>the blob's file name: &lt;code&gt;%1&lt;/code&gt;</source>
            <translation>le nom de fichier du blob : &lt;code&gt;%1&lt;/code&gt;</translation>
        </message>
        <message>
            <source>the file name is not the digest here: this format names its layer files its own way</source>
            <translation>ici, le nom de fichier n'est pas l'empreinte : ce format nomme ses fichiers de couche à sa façon</translation>
        </message>
        <message>
            <source>sha256 of its %1 bytes, computed now in %2 ms:</source>
            <translation>sha256 de ses %1 octets, calculé à l'instant en %2 ms :</translation>
        </message>
        <message>
            <source>The blob in the archive</source>
            <translation>Le blob dans l'archive</translation>
        </message>
        <message>
            <source>Hash it again</source>
            <translation>Recalculer l'empreinte</translation>
        </message>
        <message>
            <source>No layer of this image was read whole, so none can be hashed here.</source>
            <translation>Aucune couche de cette image n'a été lue en entier : aucune ne peut donc être hachée ici.</translation>
        </message>
        <message>
            <source>The manifest</source>
            <translation>Le manifeste</translation>
        </message>
        <message>
            <source>The config and its diff_ids</source>
            <translation>La configuration et ses diff_ids</translation>
        </message>
        <message>
            <source>Two images built on the same base share its layers: the same DiffIDs, and the same blobs when the layers were compressed alike. A registry stores a blob once, a pull skips the blobs it already has, and the disk holds the unpacked layers once. The ChainID says whether a whole stack of layers, from the bottom, is the same.</source>
            <translation>Deux images construites sur la même base en partagent les couches : les mêmes DiffID, et les mêmes blobs quand les couches ont été compressées de la même façon. Un registre stocke un blob une seule fois, un pull saute les blobs qu'il a déjà, et le disque garde une seule fois les couches décompressées. Le ChainID dit si toute une pile de couches, depuis le bas, est la même.</translation>
        </message>
        <message>
            <source>Open a second image beside this one: the comparison counts the layers both share from the bottom, and the bytes a pull of the second image skips because this one brought them. It draws the two stacks on their shared base; Export Picture puts the drawing on a slide.</source>
            <translation>Ouvrez une deuxième image à côté de celle-ci : la comparaison compte les couches que les deux partagent depuis le bas, et les octets qu'un pull de la deuxième image n'a pas à télécharger parce que celle-ci les a déjà apportés. Elle dessine les deux piles sur leur base commune ; « Exporter le schéma » met ce dessin sur une diapositive.</translation>
        </message>
        <message>
            <source>ChainID</source>
            <translation>ChainID</translation>
        </message>
        <message>
            <source>As stored</source>
            <translation>Taille stockée</translation>
        </message>
        <message>
            <source>Compare with another image…</source>
            <translation>Comparer avec une autre image…</translation>
        </message>
        <message>
            <source>What it did</source>
            <translation>Ce qu'elle a fait</translation>
        </message>
        <message>
            <source>Seen</source>
            <translation>Visible</translation>
        </message>
        <message>
            <source>&lt;b&gt;this one&lt;/b&gt;</source>
            <translation>&lt;b&gt;celle-ci&lt;/b&gt;</translation>
        </message>
        <message>
            <source>hidden, still stored</source>
            <translation>masquée, toujours stockée</translation>
        </message>
        <message>
            <source>A container sees the layers stacked: for each path, the highest layer that names it wins. A layer never changes the ones below it: a changed file is stored again, whole, in the new layer (copy-on-write), and a removed one is only hidden, by a whiteout &lt;code&gt;.wh.NAME&lt;/code&gt;, or for a folder's whole lower content by an opaque marker &lt;code&gt;.wh..wh..opq&lt;/code&gt;.</source>
            <translation>Un conteneur voit les couches empilées : pour chaque chemin, la couche la plus haute qui le contient l'emporte. Une couche ne modifie jamais celles du dessous : un fichier modifié est stocké à nouveau, en entier, dans la nouvelle couche (copie sur écriture), et un fichier supprimé est seulement masqué, par un whiteout &lt;code&gt;.wh.NOM&lt;/code&gt;, ou, pour tout le contenu inférieur d'un dossier, par un marqueur opaque &lt;code&gt;.wh..wh..opq&lt;/code&gt;.</translation>
        </message>
        <message>
            <source>Copy-on-write: /%1</source>
            <translation>Copie sur écriture : /%1</translation>
        </message>
        <message>
            <source>Change one byte of /%1 in a new step and its new top layer stores the whole file again (%2), while every copy below stays as it is: copy-on-write works on whole files.</source>
            <translation>Changez un octet de /%1 dans une nouvelle étape : sa nouvelle couche du dessus stocke à nouveau le fichier entier (%2), et chaque copie du dessous reste telle quelle : la copie sur écriture porte sur des fichiers entiers.</translation>
        </message>
        <message>
            <source>The copied file</source>
            <translation>Le fichier recopié</translation>
        </message>
        <message>
            <source>A whiteout: /%1</source>
            <translation>Un whiteout : /%1</translation>
        </message>
        <message>
            <source>The removal in its layer</source>
            <translation>La suppression dans sa couche</translation>
        </message>
        <message>
            <source>An opaque folder: /%1</source>
            <translation>Un dossier opaque : /%1</translation>
        </message>
        <message>
            <source>Layer %1 holds &lt;code&gt;%2&lt;/code&gt;: whatever the layers below put in /%3 is hidden, and only what layer %1 itself puts there shows.</source>
            <translation>La couche %1 contient &lt;code&gt;%2&lt;/code&gt; : tout ce que les couches du dessous ont mis dans /%3 est masqué, et seul ce que la couche %1 elle-même y met est visible.</translation>
        </message>
        <message>
            <source>The opaque folder</source>
            <translation>Le dossier opaque</translation>
        </message>
        <message>
            <source>No layer of this image stores a file again or removes one: open the sample image to see both.</source>
            <translation>Aucune couche de cette image ne stocke à nouveau un fichier ni n'en supprime : ouvrez l'image d'exemple pour voir les deux.</translation>
        </message>
        <message>
            <source>Saved to a file (docker save, skopeo, podman save) or a folder, an image is a few small JSON files and its blobs. This one holds:</source>
            <translation>Enregistrée dans un fichier (docker save, skopeo, podman save) ou un dossier, une image se compose de quelques petits fichiers JSON et de ses blobs. Celle-ci contient :</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more layer blob(s): the Anatomy pane lists every file.</source>
            <translation>
                <numerusform>… et %n blob de couche de plus : le volet Anatomie liste tous les fichiers.</numerusform>
                <numerusform>… et %n blobs de couche de plus : le volet Anatomie liste tous les fichiers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>In manifest.json, this image's entry says: &lt;b&gt;Config&lt;/b&gt; &lt;code&gt;%1&lt;/code&gt;; &lt;b&gt;RepoTags&lt;/b&gt; %2; &lt;b&gt;Layers&lt;/b&gt;, %n file(s), bottom first.</source>
            <translation>
                <numerusform>Dans manifest.json, l'entrée de cette image indique : &lt;b&gt;Config&lt;/b&gt; &lt;code&gt;%1&lt;/code&gt; ; &lt;b&gt;RepoTags&lt;/b&gt; %2 ; &lt;b&gt;Layers&lt;/b&gt;, %n fichier, de bas en haut.</numerusform>
                <numerusform>Dans manifest.json, l'entrée de cette image indique : &lt;b&gt;Config&lt;/b&gt; &lt;code&gt;%1&lt;/code&gt; ; &lt;b&gt;RepoTags&lt;/b&gt; %2 ; &lt;b&gt;Layers&lt;/b&gt;, %n fichiers, de bas en haut.</numerusform>
            </translation>
        </message>
        <message>
            <source>The image manifest</source>
            <translation>Le manifeste de l'image</translation>
        </message>
        <message>
            <source>The config</source>
            <translation>La configuration</translation>
        </message>
        <message>
            <source>Layer 1's blob</source>
            <translation>Le blob de la couche 1</translation>
        </message>
        <message>
            <source>A build reuses a step from its cache when that step and every step before it are the same: the same instruction, the same files copied (by content, not by date), the same base. One changed step runs again, and so does every step after it.</source>
            <translation>Un build réutilise une étape depuis son cache quand cette étape et toutes celles d'avant sont identiques : même instruction, mêmes fichiers copiés (comparés par leur contenu, pas par leur date), même base. Une étape modifiée est exécutée à nouveau, et toutes celles qui la suivent aussi.</translation>
        </message>
        <message>
            <source>Hence the rule: &lt;b&gt;what changes least goes first&lt;/b&gt;. The base, then the system packages, then your dependency lists (requirements.txt, package.json), and your own code last.</source>
            <translation>D'où la règle : &lt;b&gt;ce qui change le moins passe en premier&lt;/b&gt;. La base, puis les paquets système, puis vos listes de dépendances (requirements.txt, package.json), et votre propre code en dernier.</translation>
        </message>
        <message>
            <source>A RUN step is known by its command's text alone: the cache does not see what the command reads or when it runs. The sample's &lt;code&gt;RUN date …&lt;/code&gt; keeps the first build's date; a lone &lt;code&gt;RUN apt-get update&lt;/code&gt; keeps old package lists. Hence &lt;code&gt;apt-get update &amp;amp;&amp;amp; apt-get install …&lt;/code&gt; in one RUN.</source>
            <translation>Le cache reconnaît une étape RUN au seul texte de sa commande : il ne voit ni ce que la commande lit, ni le moment où elle s'exécute. Le &lt;code&gt;RUN date …&lt;/code&gt; du projet d'exemple garde la date du premier build ; un &lt;code&gt;RUN apt-get update&lt;/code&gt; seul garde des listes de paquets périmées. D'où &lt;code&gt;apt-get update &amp;amp;&amp;amp; apt-get install …&lt;/code&gt; dans un seul RUN.</translation>
        </message>
        <message>
            <source>Try it: open the sample project, change a line of site/index.html, and watch the steps on the left: before you build, each says whether the cache has it and, if not, why. Then build (Ctrl+B) and see which steps ran.</source>
            <translation>Essayez : ouvrez le projet d'exemple, changez une ligne de site/index.html et regardez les étapes à gauche : avant le build, chacune dit si le cache de build l'a déjà et, sinon, pourquoi. Puis lancez le build (Ctrl+B) et voyez quelles étapes ont été exécutées.</translation>
        </message>
        <message>
            <source>Open the sample project</source>
            <translation>Ouvrir le projet d'exemple</translation>
        </message>
        <message>
            <source>1. Base images</source>
            <translation>1. Images de base</translation>
        </message>
        <message>
            <source>2. One layer per instruction</source>
            <translation>2. Une couche par instruction</translation>
        </message>
        <message>
            <source>3. Content-addressable storage</source>
            <translation>3. Stockage adressable par contenu</translation>
        </message>
        <message>
            <source>4. Sharing layers</source>
            <translation>4. Partage des couches</translation>
        </message>
        <message>
            <source>5. Union filesystem, copy-on-write</source>
            <translation>5. Système de fichiers par union, copie sur écriture</translation>
        </message>
        <message>
            <source>6. Anatomy of a saved image</source>
            <translation>6. Anatomie d'une image enregistrée</translation>
        </message>
        <message>
            <source>7. The build cache</source>
            <translation>7. Le cache de build</translation>
        </message>
        <message>
            <source>Open an image (or the sample, File › Open the Sample Image): each chapter is shown on it.</source>
            <translation>Ouvrez une image (ou l'exemple, Fichier › Ouvrir l'image d'exemple) : chaque chapitre s'appuie sur elle.</translation>
        </message>
        <message>
            <source>Layer %1 changed only the mode or the owner of /%2, and still stored the whole file again (%3): copy-on-write works on whole files, even for a chmod.</source>
            <translation>La couche %1 n'a changé que les droits ou le propriétaire de /%2, et a pourtant stocké à nouveau le fichier entier (%3) : la copie sur écriture porte sur des fichiers entiers, même pour un chmod.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;This image's base&lt;/b&gt;: its first %n layer(s), told by %1.</source>
            <translation>
                <numerusform>&lt;b&gt;La base de cette image&lt;/b&gt; : sa première couche, d'après %1.</numerusform>
                <numerusform>&lt;b&gt;La base de cette image&lt;/b&gt; : ses %n premières couches, d'après %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;li&gt;Distribution: unknown, a layer of the base could not be read (the timeline marks it).&lt;/li&gt;</source>
            <translation>&lt;li&gt;Distribution : inconnue, une couche de la base n'a pas pu être lue (la chronologie la signale).&lt;/li&gt;</translation>
        </message>
        <message numerus="yes">
            <source>Here the history does not pair with the layers one to one (%n step(s) made files, for %1 layers): the tool that built it did not record every step.</source>
            <translation>
                <numerusform>Ici, l'historique ne correspond pas aux couches une à une (%n étape a produit des fichiers, pour %1 couches) : l'outil qui l'a construite n'a pas noté toutes les étapes.</numerusform>
                <numerusform>Ici, l'historique ne correspond pas aux couches une à une (%n étapes ont produit des fichiers, pour %1 couches) : l'outil qui l'a construite n'a pas noté toutes les étapes.</numerusform>
            </translation>
        </message>
        <message>
            <source>uncompressed</source>
            <translation>non compressée</translation>
        </message>
        <message>
            <source>Compared with:</source>
            <translation>Comparaison avec :</translation>
        </message>
        <message>
            <source>This image has no layer to hash.</source>
            <translation>Cette image n'a aucune couche à hacher.</translation>
        </message>
        <message>
            <source>Layer %1 holds a marker file, not a deletion: the %2 it hides are still in the layers below, downloaded with every pull.</source>
            <translation>La couche %1 contient un fichier marqueur, pas une suppression : les %2 qu'il masque restent dans les couches du dessous, téléchargés à chaque pull.</translation>
        </message>
        <message>
            <source>Reading the image…</source>
            <translation>Lecture de l'image…</translation>
        </message>
    </context>
    <context>
        <name>humanSize</name>
        <message>
            <source>%1 B</source>
            <translation>%1 o</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 Kio</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 Mio</translation>
        </message>
        <message>
            <source>%1 GiB</source>
            <translation>%1 Gio</translation>
        </message>
        <message>
            <source>%1 TiB</source>
            <translation>%1 Tio</translation>
        </message>
        <message>
            <source>%1 PiB</source>
            <translation>%1 Pio</translation>
        </message>
    </context>
    <context>
        <name>ll::Estargz</name>
        <message>
            <source>eStargz layer: its lazy-pull index (TOC %1) follows the tar's end, outside the filesystem; a root .prefetch.landmark or .no.prefetch.landmark file is a marker for the snapshotter, not application content</source>
            <translation>Couche eStargz : son index de lazy pull (TOC %1) suit la fin du tar, hors du système de fichiers ; un fichier .prefetch.landmark ou .no.prefetch.landmark à la racine est un repère pour le snapshotter, pas du contenu applicatif</translation>
        </message>
        <message>
            <source>eStargz landmark: marks where the files a lazy-pulling snapshotter prefetches end (not application content; not counted as hidden bytes)</source>
            <translation>Repère eStargz : marque la fin des fichiers qu'un snapshotter en lazy pull précharge (pas du contenu applicatif ; non compté dans les octets masqués)</translation>
        </message>
    </context>
    <context>
        <name>ll::baseGuess</name>
        <message>
            <source>%1 days</source>
            <translation>%1 jours</translation>
        </message>
        <message>
            <source>%1 hours</source>
            <translation>%1 heures</translation>
        </message>
        <message>
            <source>%1 minutes</source>
            <translation>%1 minutes</translation>
        </message>
        <message>
            <source>dive's rule, the first layer is the base (the history shows no pause of an hour or more)</source>
            <translation>la règle de dive : la première couche est la base (l'historique ne montre aucune pause d'une heure ou plus)</translation>
        </message>
        <message>
            <source>a pause of %1 in the history before step %2%3 (a base image is built long before the steps on it)</source>
            <translation>une pause de %1 dans l'historique avant l'étape %2%3 (une image de base est construite bien avant les étapes posées dessus)</translation>
        </message>
        <message>
            <source>, after the base's closing </source>
            <translation>, après la dernière instruction de la base : </translation>
        </message>
    </context>
    <context>
        <name>ll::cache</name>
        <message>
            <source>not built before</source>
            <translation>pas encore construite</translation>
        </message>
        <message>
            <source>build settings changed (%1 → %2)</source>
            <translation>paramètres du build modifiés (%1 → %2)</translation>
        </message>
        <message>
            <source>instruction changed (was: %1)</source>
            <translation>instruction modifiée (avant : %1)</translation>
        </message>
        <message>
            <source>build arg %1</source>
            <translation>argument de build %1</translation>
        </message>
        <message>
            <source>files changed: %1</source>
            <translation>fichiers modifiés : %1</translation>
        </message>
        <message>
            <source>an earlier step changed</source>
            <translation>une étape précédente a changé</translation>
        </message>
        <message>
            <source>the cache entry is gone (pruned?)</source>
            <translation>l'entrée du cache a disparu (nettoyée ?)</translation>
        </message>
        <message>
            <source>inputs changed</source>
            <translation>entrées modifiées</translation>
        </message>
    </context>
    <context>
        <name>ll::df::InstructionSpec</name>
        <message>
            <source>Owner (user[:group], names or ids) of the copied files.</source>
            <translation>Propriétaire (user[:group], noms ou identifiants) des fichiers copiés.</translation>
        </message>
        <message>
            <source>Mode of the copied files, octal (0755) or symbolic (u=rwx).</source>
            <translation>Droits des fichiers copiés, en octal (0755) ou en notation symbolique (u=rwx).</translation>
        </message>
        <message>
            <source>Copy into an independent layer so the result can be rebased without a rebuild.</source>
            <translation>Copie dans une couche indépendante, que l'on peut reposer sur une autre base sans reconstruire.</translation>
        </message>
        <message>
            <source>A path pattern to leave out of the sources; may be repeated.</source>
            <translation>Un motif de chemins à exclure des sources ; peut être répété.</translation>
        </message>
        <message>
            <source>Platform of the base image, e.g. linux/arm64 or $BUILDPLATFORM.</source>
            <translation>Plateforme de l'image de base, par exemple linux/arm64 ou $BUILDPLATFORM.</translation>
        </message>
        <message>
            <source>A mount for this command only: type=cache|bind|secret|ssh|tmpfs,...</source>
            <translation>Un montage pour cette commande seulement : type=cache|bind|secret|ssh|tmpfs,...</translation>
        </message>
        <message>
            <source>Network for this command: default, none or host.</source>
            <translation>Réseau de cette commande : default, none ou host.</translation>
        </message>
        <message>
            <source>Security mode: sandbox (default) or insecure.</source>
            <translation>Mode de sécurité : sandbox (par défaut) ou insecure.</translation>
        </message>
        <message>
            <source>A CDI device to expose to this command.</source>
            <translation>Un périphérique CDI à rendre accessible à cette commande.</translation>
        </message>
        <message>
            <source>Copy from a build stage (name or index), an image or a named context.</source>
            <translation>Copie depuis un stage du build (nom ou indice), une image ou un contexte nommé.</translation>
        </message>
        <message>
            <source>Keep the parent directories of the sources below the destination.</source>
            <translation>Garde les dossiers parents des sources sous la destination.</translation>
        </message>
        <message>
            <source>Expected digest of a remote source (sha256:...).</source>
            <translation>Empreinte attendue d'une source distante (sha256:...).</translation>
        </message>
        <message>
            <source>Keep the .git directory when adding a Git repository.</source>
            <translation>Garde le dossier .git quand on ajoute un dépôt Git.</translation>
        </message>
        <message>
            <source>Whether a local or remote archive is extracted.</source>
            <translation>Indique si une archive locale ou distante est extraite.</translation>
        </message>
        <message>
            <source>Time between two checks (default 30s).</source>
            <translation>Temps entre deux vérifications (30s par défaut).</translation>
        </message>
        <message>
            <source>Time after which one check counts as failed (default 30s).</source>
            <translation>Temps au bout duquel une vérification compte comme échouée (30s par défaut).</translation>
        </message>
        <message>
            <source>Grace period after start during which failures do not count.</source>
            <translation>Délai de grâce après le démarrage pendant lequel les échecs ne comptent pas.</translation>
        </message>
        <message>
            <source>Time between checks during the start period.</source>
            <translation>Temps entre deux vérifications pendant le délai de démarrage.</translation>
        </message>
        <message>
            <source>Consecutive failures before the container is unhealthy (default 3).</source>
            <translation>Échecs consécutifs avant que le conteneur soit déclaré en mauvaise santé (3 par défaut).</translation>
        </message>
        <message>
            <source>FROM [--platform=P] image [AS name] starts a build stage on a base image (or another stage, or scratch).</source>
            <translation>FROM [--platform=P] image [AS name] commence un stage du build sur une image de base (ou un autre stage, ou scratch).</translation>
        </message>
        <message>
            <source>RUN runs a command in the image being built and keeps what it changed in the filesystem as a new layer. Shell form runs through SHELL; exec form (JSON array) runs the program directly.</source>
            <translation>RUN exécute une commande dans l'image en construction et garde ce qu'elle a changé dans le système de fichiers comme une nouvelle couche. La forme shell passe par SHELL ; la forme exec (tableau JSON) lance le programme directement.</translation>
        </message>
        <message>
            <source>CMD sets the default command (or the default arguments of ENTRYPOINT) of containers made from the image. Only the last CMD counts.</source>
            <translation>CMD fixe la commande par défaut (ou les arguments par défaut d'ENTRYPOINT) des conteneurs créés depuis l'image. Seul le dernier CMD compte.</translation>
        </message>
        <message>
            <source>LABEL key=value ... adds metadata to the image configuration.</source>
            <translation>LABEL key=value ... ajoute des métadonnées à la configuration de l'image.</translation>
        </message>
        <message>
            <source>MAINTAINER names the author. Deprecated: use LABEL org.opencontainers.image.authors=... instead.</source>
            <translation>MAINTAINER nomme l'auteur. Obsolète : utilisez plutôt LABEL org.opencontainers.image.authors=...</translation>
        </message>
        <message>
            <source>EXPOSE port[/tcp|/udp] documents which ports the container listens on. It publishes nothing by itself.</source>
            <translation>EXPOSE port[/tcp|/udp] indique sur quels ports le conteneur écoute. Il ne publie rien à lui seul.</translation>
        </message>
        <message>
            <source>ENV key=value ... sets environment variables for the following instructions and for containers made from the image.</source>
            <translation>ENV key=value ... définit des variables d'environnement pour les instructions suivantes et pour les conteneurs créés depuis l'image.</translation>
        </message>
        <message>
            <source>ADD copies files from the context, URLs or Git repositories; local tar archives are extracted. Prefer COPY for plain files.</source>
            <translation>ADD copie des fichiers depuis le contexte, des URL ou des dépôts Git ; les archives tar locales sont extraites. Préférez COPY pour de simples fichiers.</translation>
        </message>
        <message>
            <source>COPY copies files from the build context, another stage (--from) or an image into the image.</source>
            <translation>COPY copie dans l'image des fichiers du contexte de build, d'un autre stage (--from) ou d'une image.</translation>
        </message>
        <message>
            <source>ENTRYPOINT sets the program containers run; CMD then supplies its default arguments.</source>
            <translation>ENTRYPOINT fixe le programme que lancent les conteneurs ; CMD fournit alors ses arguments par défaut.</translation>
        </message>
        <message>
            <source>VOLUME marks paths as mount points for external volumes.</source>
            <translation>VOLUME marque des chemins comme points de montage de volumes externes.</translation>
        </message>
        <message>
            <source>USER user[:group] sets who runs the following RUN instructions and the container.</source>
            <translation>USER user[:group] fixe l'utilisateur sous lequel s'exécutent les instructions RUN suivantes et le conteneur.</translation>
        </message>
        <message>
            <source>WORKDIR sets the working directory of the following instructions and of the container; it is created if missing.</source>
            <translation>WORKDIR fixe le dossier de travail des instructions suivantes et du conteneur ; il est créé s'il manque.</translation>
        </message>
        <message>
            <source>ARG name[=default] declares a build argument. Before the first FROM it is global and usable in FROM lines only; a stage must re-declare it (ARG name) to use it.</source>
            <translation>ARG name[=default] déclare un argument de build. Avant le premier FROM, il est global et utilisable seulement dans les lignes FROM ; un stage doit le redéclarer (ARG name) pour s'en servir.</translation>
        </message>
        <message>
            <source>ONBUILD instruction registers a trigger that runs when the image is used as the base of another build.</source>
            <translation>ONBUILD suivi d'une instruction enregistre un déclencheur qui s'exécute quand l'image sert de base à un autre build.</translation>
        </message>
        <message>
            <source>STOPSIGNAL sets the signal sent to stop the container (e.g. SIGTERM, 9).</source>
            <translation>STOPSIGNAL fixe le signal envoyé pour arrêter le conteneur (par exemple SIGTERM, 9).</translation>
        </message>
        <message>
            <source>HEALTHCHECK [options] CMD command tells how to check that the container still works; HEALTHCHECK NONE turns off an inherited check.</source>
            <translation>HEALTHCHECK [options] CMD command indique comment vérifier que le conteneur fonctionne encore ; HEALTHCHECK NONE désactive une vérification héritée.</translation>
        </message>
        <message>
            <source>SHELL ["executable", "parameters"] sets the shell used by shell-form RUN, CMD and ENTRYPOINT.</source>
            <translation>SHELL ["executable", "parameters"] fixe le shell utilisé par RUN, CMD et ENTRYPOINT en forme shell.</translation>
        </message>
    </context>
    <context>
        <name>ll::df::lint</name>
        <message>
            <source>Empty continuation line</source>
            <translation>Ligne de continuation vide</translation>
        </message>
        <message>
            <source>Stage name '%1' should be lowercase</source>
            <translation>Le nom de stage '%1' doit être en minuscules</translation>
        </message>
        <message>
            <source>Stage name should not use the same name as reserved stage "%1"</source>
            <translation>Le nom de stage ne doit pas reprendre celui du stage réservé "%1"</translation>
        </message>
        <message>
            <source>Duplicate stage name "%1", stage names should be unique</source>
            <translation>Nom de stage "%1" en double : les noms de stage doivent être uniques</translation>
        </message>
        <message>
            <source>'%1' and '%2' keywords' casing do not match</source>
            <translation>La casse des mots-clés '%1' et '%2' ne correspond pas</translation>
        </message>
        <message>
            <source>Setting platform to predefined %1 in FROM is redundant as this is the default behavior</source>
            <translation>Définir la plateforme sur la valeur prédéfinie %1 dans FROM est redondant : c'est le comportement par défaut</translation>
        </message>
        <message>
            <source>FROM --platform flag should not use constant value "%1"</source>
            <translation>L'option --platform de FROM ne doit pas utiliser la valeur constante "%1"</translation>
        </message>
        <message>
            <source>FROM argument '%1' is not declared</source>
            <translation>L'argument '%1' de FROM n'est pas déclaré</translation>
        </message>
        <message>
            <source>FROM argument '%1' is not declared (did you mean %2?)</source>
            <translation>L'argument '%1' de FROM n'est pas déclaré (vouliez-vous dire %2 ?)</translation>
        </message>
        <message>
            <source>Command '%1' should match the case of the command majority (lowercase)</source>
            <translation>La commande '%1' doit suivre la casse de la majorité des commandes (minuscules)</translation>
        </message>
        <message>
            <source>Command '%1' should match the case of the command majority (uppercase)</source>
            <translation>La commande '%1' doit suivre la casse de la majorité des commandes (majuscules)</translation>
        </message>
        <message>
            <source>JSON arguments recommended for %1 to prevent unintended behavior related to OS signals</source>
            <translation>Arguments JSON recommandés pour %1, afin d'éviter un comportement inattendu avec les signaux du système</translation>
        </message>
        <message>
            <source>Maintainer instruction is deprecated in favor of using label</source>
            <translation>L'instruction Maintainer est obsolète : utilisez plutôt un label</translation>
        </message>
        <message>
            <source>Multiple %1 instructions should not be used in the same stage because only the last one will be used</source>
            <translation>N'utilisez pas plusieurs instructions %1 dans le même stage : seule la dernière sera prise en compte</translation>
        </message>
        <message>
            <source>Relative workdir "%1" can have unexpected results if the base image changes</source>
            <translation>Le dossier de travail relatif "%1" peut donner des résultats inattendus si l'image de base change</translation>
        </message>
        <message>
            <source>"%1 key=value" should be used instead of legacy "%1 key value" format</source>
            <translation>Utilisez le format "%1 key=value" au lieu de l'ancien format "%1 key value"</translation>
        </message>
        <message>
            <source>Do not use ARG or ENV instructions for sensitive data (%1 "%2")</source>
            <translation>N'utilisez pas les instructions ARG ou ENV pour des données sensibles (%1 "%2")</translation>
        </message>
        <message>
            <source>EXPOSE instruction should not define an IP address or host-port mapping, found '%1'</source>
            <translation>L'instruction EXPOSE ne doit définir ni adresse IP ni correspondance de port avec l'hôte (trouvé : '%1')</translation>
        </message>
        <message>
            <source>Defined protocol '%1' in EXPOSE instruction should be lowercase</source>
            <translation>Le protocole '%1' défini dans l'instruction EXPOSE doit être en minuscules</translation>
        </message>
        <message>
            <source>Attempting to %1 file "%2" that is excluded by .dockerignore</source>
            <translation>Le fichier "%2" (%1) est exclu par .dockerignore</translation>
        </message>
        <message>
            <source>Usage of undefined variable '$%1'</source>
            <translation>Utilisation de la variable non définie '$%1'</translation>
        </message>
        <message>
            <source>Usage of undefined variable '$%1' (did you mean $%2?)</source>
            <translation>Utilisation de la variable non définie '$%1' (vouliez-vous dire $%2 ?)</translation>
        </message>
        <message>
            <source>Default value for ARG %1 results in empty or invalid base image name</source>
            <translation>La valeur par défaut de l'ARG %1 donne un nom d'image de base vide ou invalide</translation>
        </message>
        <message>
            <source>Comment for %1 should follow the format: `# %2 &lt;description&gt;`</source>
            <translation>Le commentaire de %1 doit suivre le format : `# %2 &lt;description&gt;`</translation>
        </message>
        <message>
            <source>RUN follows RUN on line %1: merge them with &amp;&amp; to save a layer</source>
            <translation>Ce RUN suit le RUN de la ligne %1 : fusionnez-les avec &amp;&amp; pour économiser une couche</translation>
        </message>
        <message>
            <source>WORKDIR %1 points into /proc/self/fd: this is the CVE-2024-21626 container escape</source>
            <translation>WORKDIR %1 pointe dans /proc/self/fd : c'est l'évasion de conteneur CVE-2024-21626</translation>
        </message>
        <message>
            <source>base image "%1" has no tag, which means latest: pin a version tag or a digest</source>
            <translation>l'image de base "%1" n'a pas de tag, ce qui signifie latest : fixez un tag de version ou une empreinte</translation>
        </message>
        <message>
            <source>base image "%1" uses the latest tag: pin a version tag or a digest</source>
            <translation>l'image de base "%1" utilise le tag latest : fixez un tag de version ou une empreinte</translation>
        </message>
        <message>
            <source>RUN uses a pipe without pipefail: a failing command before the last | goes unnoticed; start with set -o pipefail &amp;&amp;</source>
            <translation>RUN utilise un pipe sans pipefail : l'échec d'une commande avant le dernier | passe inaperçu ; commencez par set -o pipefail &amp;&amp;</translation>
        </message>
        <message>
            <source>use WORKDIR instead of cd to switch directories</source>
            <translation>utilisez WORKDIR plutôt que cd pour changer de dossier</translation>
        </message>
        <message>
            <source>apt-get install leaves the package lists in the layer: end this RUN with &amp;&amp; rm -rf /var/lib/apt/lists/*</source>
            <translation>apt-get install laisse les listes de paquets dans la couche : terminez ce RUN par &amp;&amp; rm -rf /var/lib/apt/lists/*</translation>
        </message>
        <message>
            <source>apk add without --no-cache leaves the package index in /var/cache/apk</source>
            <translation>apk add sans --no-cache laisse l'index des paquets dans /var/cache/apk</translation>
        </message>
        <message>
            <source>%1 install leaves its cache in the layer: end this RUN with &amp;&amp; %1 clean all</source>
            <translation>%1 install laisse son cache dans la couche : terminez ce RUN par &amp;&amp; %1 clean all</translation>
        </message>
        <message>
            <source>ADD of local files that are not archives: use COPY, which only copies</source>
            <translation>ADD de fichiers locaux qui ne sont pas des archives : utilisez COPY, qui ne fait que copier</translation>
        </message>
        <message>
            <source>--from=%1 names no earlier stage: this is the first stage</source>
            <translation>--from=%1 ne désigne aucun stage précédent : c'est le premier stage</translation>
        </message>
        <message>
            <source>--from=%1 names no earlier stage: this is stage %2, so only 0 to %3 can be used</source>
            <translation>--from=%1 ne désigne aucun stage précédent : c'est le stage %2, donc seuls les indices 0 à %3 sont utilisables</translation>
        </message>
        <message>
            <source>--from=%1 names the stage it is in</source>
            <translation>--from=%1 désigne le stage dans lequel il se trouve</translation>
        </message>
        <message>
            <source>--from=%1 names no stage: it will be pulled as the image "%1" (or read from a named build context)</source>
            <translation>--from=%1 ne désigne aucun stage : l'image "%1" sera téléchargée (ou lue depuis un contexte de build nommé)</translation>
        </message>
    </context>
    <context>
        <name>ll::df::rules</name>
        <message>
            <source>Stage names should be lowercase.</source>
            <translation>Les noms de stage doivent être en minuscules.</translation>
        </message>
        <message>
            <source>BuildKit compares stage names without regard to case, so 'Build' and 'build' are the same stage. Writing them in lower case keeps FROM and COPY --from references readable and avoids surprises when two names differ only in case.</source>
            <translation>BuildKit compare les noms de stage sans tenir compte de la casse, si bien que 'Build' et 'build' sont le même stage. Les écrire en minuscules garde lisibles les références de FROM et de COPY --from, et évite les surprises quand deux noms ne diffèrent que par la casse.</translation>
        </message>
        <message>
            <source>The 'as' keyword should match the case of the 'from' keyword.</source>
            <translation>Le mot-clé 'as' doit avoir la même casse que le mot-clé 'from'.</translation>
        </message>
        <message>
            <source>FROM and AS are one construct; writing `FROM image as name` mixes casings and makes the file harder to scan. Use `FROM ... AS ...` or `from ... as ...`.</source>
            <translation>FROM et AS forment une seule construction ; écrire `FROM image as name` mélange les casses et rend le fichier plus difficile à parcourir. Écrivez `FROM ... AS ...` ou `from ... as ...`.</translation>
        </message>
        <message>
            <source>Empty continuation lines will become errors in a future release.</source>
            <translation>Les lignes de continuation vides deviendront des erreurs dans une version future.</translation>
        </message>
        <message>
            <source>A blank line inside an instruction continued with the escape character is silently skipped today, but it usually means a missing backslash or a forgotten line. BuildKit plans to reject it; remove the blank line or end the instruction before it.</source>
            <translation>Une ligne vide au milieu d'une instruction prolongée par le caractère d'échappement est aujourd'hui ignorée sans avertissement, mais elle signale en général un antislash manquant ou une ligne oubliée. BuildKit prévoit de la refuser ; supprimez la ligne vide ou terminez l'instruction avant elle.</translation>
        </message>
        <message>
            <source>All instructions should use the same casing.</source>
            <translation>Toutes les instructions doivent utiliser la même casse.</translation>
        </message>
        <message>
            <source>Instruction keywords are case-insensitive, but mixing `RUN` and `run` (or writing `Run`) makes a Dockerfile look inconsistent. The rule takes the casing most instructions use and flags the others.</source>
            <translation>Les mots-clés des instructions ne sont pas sensibles à la casse, mais mélanger `RUN` et `run` (ou écrire `Run`) donne au Dockerfile un aspect incohérent. La règle retient la casse utilisée par la plupart des instructions et signale les autres.</translation>
        </message>
        <message>
            <source>Stage names should be unique.</source>
            <translation>Les noms de stage doivent être uniques.</translation>
        </message>
        <message>
            <source>When two stages have the same name, FROM and COPY --from can only ever refer to one of them, so the other is either dead code or referenced by mistake. Give each stage its own name.</source>
            <translation>Quand deux stages portent le même nom, FROM et COPY --from ne peuvent jamais désigner que l'un d'eux : l'autre est donc soit du code mort, soit référencé par erreur. Donnez à chaque stage son propre nom.</translation>
        </message>
        <message>
            <source>Reserved words should not be used as stage names.</source>
            <translation>Les mots réservés ne doivent pas servir de noms de stage.</translation>
        </message>
        <message>
            <source>`scratch` (the empty image) and `context` (the build context) have a meaning of their own in FROM and COPY --from. A stage with such a name shadows it and confuses readers.</source>
            <translation>`scratch` (l'image vide) et `context` (le contexte de build) ont un sens propre dans FROM et COPY --from. Un stage portant un tel nom masque ce sens et sème la confusion chez le lecteur.</translation>
        </message>
        <message>
            <source>JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals.</source>
            <translation>Arguments JSON recommandés pour ENTRYPOINT/CMD, afin d'éviter un comportement inattendu avec les signaux du système.</translation>
        </message>
        <message>
            <source>In shell form, CMD and ENTRYPOINT run through `/bin/sh -c`, so the shell becomes PID 1 and does not forward SIGTERM to your program: `docker stop` then waits and kills it. The exec form (a JSON array) runs the program directly. If you need a shell, set it explicitly with SHELL and this rule stays silent.</source>
            <translation>En forme shell, CMD et ENTRYPOINT s'exécutent via `/bin/sh -c` : le shell devient alors le PID 1 et ne transmet pas SIGTERM à votre programme, si bien que `docker stop` attend, puis le tue. La forme exec (un tableau JSON) lance directement le programme. Si vous avez besoin d'un shell, définissez-le explicitement avec SHELL : cette règle ne signale alors plus rien.</translation>
        </message>
        <message>
            <source>The MAINTAINER instruction is deprecated, use a label instead to define an image author.</source>
            <translation>L'instruction MAINTAINER est obsolète : utilisez plutôt un label pour indiquer l'auteur de l'image.</translation>
        </message>
        <message>
            <source>MAINTAINER writes a field no tool reads any more. Use `LABEL org.opencontainers.image.authors="name &lt;mail&gt;"`, which registries and scanners understand.</source>
            <translation>MAINTAINER écrit un champ qu'aucun outil ne lit plus. Utilisez `LABEL org.opencontainers.image.authors="name &lt;mail&gt;"`, que les registres et les scanners comprennent.</translation>
        </message>
        <message>
            <source>FROM command must use declared ARGs.</source>
            <translation>La commande FROM doit utiliser des ARG déclarés.</translation>
        </message>
        <message>
            <source>A variable in a FROM line can only come from an ARG declared before the first FROM (or a predefined platform ARG such as TARGETARCH). An undeclared one expands to an empty string and silently changes the base image.</source>
            <translation>Une variable dans une ligne FROM ne peut venir que d'un ARG déclaré avant le premier FROM (ou d'un ARG de plateforme prédéfini comme TARGETARCH). Une variable non déclarée est remplacée par une chaîne vide et change l'image de base sans avertissement.</translation>
        </message>
        <message>
            <source>Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes.</source>
            <translation>Un dossier de travail relatif, sans dossier de travail absolu déclaré dans le build, peut donner des résultats inattendus si l'image de base change.</translation>
        </message>
        <message>
            <source>A relative WORKDIR is resolved against the working directory of the base image, which you do not control: a new base image version can move your files. Set an absolute WORKDIR first.</source>
            <translation>Un WORKDIR relatif est résolu par rapport au dossier de travail de l'image de base, que vous ne maîtrisez pas : une nouvelle version de l'image de base peut déplacer vos fichiers. Définissez d'abord un WORKDIR absolu.</translation>
        </message>
        <message>
            <source>Variables should be defined before their use.</source>
            <translation>Les variables doivent être définies avant d'être utilisées.</translation>
        </message>
        <message>
            <source>BuildKit expands $VAR in FROM, COPY, ADD, ENV, LABEL, WORKDIR, USER, EXPOSE, VOLUME and STOPSIGNAL from the ARG and ENV seen so far in the stage. A variable that was never declared expands to an empty string, which is nearly always a typo or a global ARG that the stage forgot to re-declare with `ARG NAME`.</source>
            <translation>BuildKit remplace $VAR dans FROM, COPY, ADD, ENV, LABEL, WORKDIR, USER, EXPOSE, VOLUME et STOPSIGNAL à partir des ARG et ENV déjà rencontrés dans le stage. Une variable jamais déclarée est remplacée par une chaîne vide, ce qui est presque toujours une faute de frappe ou un ARG global que le stage a oublié de redéclarer avec `ARG NAME`.</translation>
        </message>
        <message>
            <source>Multiple instructions of the same type should not be used in the same stage.</source>
            <translation>Plusieurs instructions du même type ne doivent pas être utilisées dans le même stage.</translation>
        </message>
        <message>
            <source>Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; the earlier ones are ignored. Keep one of each per stage.</source>
            <translation>Seul le dernier CMD, ENTRYPOINT ou HEALTHCHECK d'un stage s'applique ; les précédents sont ignorés. N'en gardez qu'un de chaque sorte par stage.</translation>
        </message>
        <message>
            <source>Legacy key/value format with whitespace separator should not be used.</source>
            <translation>L'ancien format clé/valeur avec un espace comme séparateur ne doit pas être utilisé.</translation>
        </message>
        <message>
            <source>`ENV key value` sets one variable to the whole rest of the line, and cannot set several at once. `ENV key=value` is unambiguous, allows several pairs and reads the same as LABEL and ARG.</source>
            <translation>`ENV key value` affecte tout le reste de la ligne à une seule variable, et ne permet pas d'en définir plusieurs à la fois. `ENV key=value` est sans ambiguïté, accepte plusieurs paires et se lit comme LABEL et ARG.</translation>
        </message>
        <message>
            <source>Sensitive data should not be used in the ARG or ENV commands.</source>
            <translation>Les données sensibles ne doivent pas figurer dans les commandes ARG ou ENV.</translation>
        </message>
        <message>
            <source>ARG and ENV values end up in the image configuration and history, where anybody with the image can read them. Pass secrets with `RUN --mount=type=secret` instead.</source>
            <translation>Les valeurs de ARG et ENV se retrouvent dans la configuration et l'historique de l'image, où quiconque dispose de l'image peut les lire. Transmettez plutôt les secrets avec `RUN --mount=type=secret`.</translation>
        </message>
        <message>
            <source>Protocol in EXPOSE instruction should be lowercase.</source>
            <translation>Le protocole de l'instruction EXPOSE doit être en minuscules.</translation>
        </message>
        <message>
            <source>EXPOSE accepts tcp and udp in lower case; other casings are not portable across tools that read the image configuration.</source>
            <translation>EXPOSE accepte tcp et udp en minuscules ; les autres casses ne sont pas portables entre les outils qui lisent la configuration de l'image.</translation>
        </message>
        <message>
            <source>IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release.</source>
            <translation>Les adresses IP et les correspondances de port avec l'hôte ne doivent pas être utilisées dans l'instruction EXPOSE. Cela deviendra une erreur dans une version future.</translation>
        </message>
        <message>
            <source>EXPOSE only documents which container ports listen. Host ports and addresses are chosen when the container is run (`-p`); writing them in EXPOSE has no effect and will be rejected by future BuildKit versions.</source>
            <translation>EXPOSE ne fait que documenter les ports sur lesquels le conteneur écoute. Les ports et les adresses de l'hôte sont choisis au lancement du conteneur (`-p`) ; les écrire dans EXPOSE n'a aucun effet et sera refusé par les futures versions de BuildKit.</translation>
        </message>
        <message>
            <source>Attempting to Copy file that is excluded by .dockerignore.</source>
            <translation>Tentative de copier un fichier exclu par .dockerignore.</translation>
        </message>
        <message>
            <source>Files excluded by .dockerignore are not sent to the builder, so COPY or ADD of such a file fails or copies nothing. Either remove the pattern from .dockerignore (or add a `!` exception) or stop copying the file.</source>
            <translation>Les fichiers exclus par .dockerignore ne sont pas envoyés au builder : un COPY ou un ADD d'un tel fichier échoue ou ne copie rien. Retirez le motif de .dockerignore (ou ajoutez une exception `!`), ou cessez de copier ce fichier.</translation>
        </message>
        <message>
            <source>Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior.</source>
            <translation>Définir la plateforme sur la valeur prédéfinie $TARGETPLATFORM dans FROM est redondant : c'est le comportement par défaut.</translation>
        </message>
        <message>
            <source>FROM already pulls the base image for the target platform. `--platform=$TARGETPLATFORM` adds nothing and suggests the stage is meant to differ.</source>
            <translation>FROM télécharge déjà l'image de base pour la plateforme cible. `--platform=$TARGETPLATFORM` n'apporte rien et laisse croire que le stage est censé faire exception.</translation>
        </message>
        <message>
            <source>Default value for global ARG results in an empty or invalid base image name.</source>
            <translation>La valeur par défaut de l'ARG global donne un nom d'image de base vide ou invalide.</translation>
        </message>
        <message>
            <source>A FROM that takes its image from a global ARG only works when the build passes --build-arg: with the ARG's default (or no default) the name is empty or invalid, and a plain `docker build` fails. Give the ARG a default that names an image.</source>
            <translation>Un FROM qui prend son image dans un ARG global ne fonctionne que si le build passe --build-arg : avec la valeur par défaut de l'ARG (ou sans valeur par défaut), le nom est vide ou invalide, et un simple `docker build` échoue. Donnez à l'ARG une valeur par défaut qui désigne une image.</translation>
        </message>
        <message>
            <source>Comment for build stage or argument should follow the format: `# &lt;arg/stage name&gt; &lt;description&gt;`.</source>
            <translation>Le commentaire d'un stage ou d'un argument doit suivre le format : `# &lt;arg/stage name&gt; &lt;description&gt;`.</translation>
        </message>
        <message>
            <source>Experimental in BuildKit (enable with `# check=experimental=InvalidDefinitionDescription`). A comment right above `FROM … AS name` or `ARG name` is read by tools as the stage's or argument's description when it starts with that name. If the comment is not meant as a description, put a blank `#` line between it and the instruction.</source>
            <translation>Expérimental dans BuildKit (à activer avec `# check=experimental=InvalidDefinitionDescription`). Un commentaire placé juste au-dessus de `FROM … AS name` ou de `ARG name` est lu par les outils comme la description du stage ou de l'argument quand il commence par ce nom. Si le commentaire n'est pas destiné à servir de description, placez une ligne `#` vide entre lui et l'instruction.</translation>
        </message>
        <message>
            <source>FROM --platform flag should not use a constant value.</source>
            <translation>L'option --platform de FROM ne doit pas utiliser de valeur constante.</translation>
        </message>
        <message>
            <source>A fixed platform such as linux/amd64 makes the stage ignore `--platform` of the build, so multi-platform builds silently produce the wrong architecture. Use $BUILDPLATFORM or $TARGETPLATFORM.</source>
            <translation>Une plateforme fixe comme linux/amd64 fait ignorer au stage l'option `--platform` du build : les builds multiplateformes produisent alors, sans avertissement, la mauvaise architecture. Utilisez $BUILDPLATFORM ou $TARGETPLATFORM.</translation>
        </message>
        <message>
            <source>Pin the base image to a tag or digest, not latest.</source>
            <translation>Fixez l'image de base sur un tag ou une empreinte, pas sur latest.</translation>
        </message>
        <message>
            <source>An untagged image means `latest`, which moves: the same Dockerfile builds something different next week, and the cache breaks without a reason you can see. Name a version tag, or a digest for a fully reproducible build.</source>
            <translation>Une image sans tag signifie `latest`, qui change : le même Dockerfile construit autre chose la semaine prochaine, et le cache de build ne sert plus, sans raison visible. Indiquez un tag de version, ou une empreinte pour un build entièrement reproductible.</translation>
        </message>
        <message>
            <source>Package manager caches should not stay in the layer.</source>
            <translation>Les caches des gestionnaires de paquets ne doivent pas rester dans la couche.</translation>
        </message>
        <message>
            <source>apt-get, apk, yum and dnf keep package lists and downloaded packages on disk. Left in a RUN layer they are wasted space forever, even if a later layer deletes them. Clean up in the same RUN (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `yum clean all`) or use a cache mount.</source>
            <translation>apt-get, apk, yum et dnf conservent sur le disque les listes de paquets et les paquets téléchargés. Laissés dans une couche RUN, ils restent de l'espace gaspillé pour toujours, même si une couche ultérieure les supprime. Faites le ménage dans le même RUN (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `yum clean all`) ou utilisez un montage de cache.</translation>
        </message>
        <message>
            <source>Consecutive RUN instructions could be merged.</source>
            <translation>Les instructions RUN consécutives pourraient être fusionnées.</translation>
        </message>
        <message>
            <source>Each RUN makes a layer. Two RUNs in a row can often be one (`&amp;&amp;`), which saves a layer and lets cleanup happen in the same layer as the mess. Keep them apart when you want them cached separately.</source>
            <translation>Chaque RUN crée une couche. Deux RUN successifs peuvent souvent n'en faire qu'un (`&amp;&amp;`), ce qui économise une couche et permet de faire le ménage dans la couche même où le désordre a été créé. Gardez-les séparés si vous voulez qu'ils soient mis en cache séparément.</translation>
        </message>
        <message>
            <source>Use COPY instead of ADD for plain files and directories.</source>
            <translation>Utilisez COPY plutôt que ADD pour les fichiers et dossiers ordinaires.</translation>
        </message>
        <message>
            <source>ADD also downloads URLs and extracts local tar archives. For ordinary files that magic is a trap: a file that happens to be an archive gets unpacked. COPY does exactly one thing.</source>
            <translation>ADD télécharge aussi des URL et extrait les archives tar locales. Pour des fichiers ordinaires, cette magie est un piège : un fichier qui se trouve être une archive est décompressé. COPY ne fait qu'une seule chose.</translation>
        </message>
        <message>
            <source>Set -o pipefail before RUN with a pipe.</source>
            <translation>Activez -o pipefail dans un RUN qui contient un pipe.</translation>
        </message>
        <message>
            <source>A pipeline's exit status is that of its last command, so `curl ... | tar x` succeeds even when the download fails, and the build goes on with a broken layer. Start the command with `set -o pipefail &amp;&amp;` or set SHELL ["/bin/bash", "-o", "pipefail", "-c"].</source>
            <translation>Le code de sortie d'un pipeline est celui de sa dernière commande : `curl ... | tar x` réussit donc même quand le téléchargement échoue, et le build continue avec une couche défectueuse. Commencez la commande par `set -o pipefail &amp;&amp;` ou définissez SHELL ["/bin/bash", "-o", "pipefail", "-c"].</translation>
        </message>
        <message>
            <source>Use WORKDIR to switch to a directory.</source>
            <translation>Utilisez WORKDIR pour changer de dossier.</translation>
        </message>
        <message>
            <source>`cd` in a RUN only lasts for that RUN. WORKDIR is clearer, applies to the following instructions and is recorded in the image.</source>
            <translation>`cd` dans un RUN ne vaut que pour ce RUN. WORKDIR est plus clair, s'applique aux instructions suivantes et est enregistré dans l'image.</translation>
        </message>
        <message>
            <source>WORKDIR must not point into /proc/self/fd (CVE-2024-21626).</source>
            <translation>WORKDIR ne doit pas pointer dans /proc/self/fd (CVE-2024-21626).</translation>
        </message>
        <message>
            <source>A working directory under /proc/self/fd lets a container escape to the host filesystem through a leaked file descriptor in runc before 1.1.12 (CVE-2024-21626, "Leaky Vessels"). No legitimate image needs it.</source>
            <translation>Un dossier de travail situé sous /proc/self/fd permet à un conteneur de s'échapper vers le système de fichiers de l'hôte par un descripteur de fichier qui fuit dans les versions de runc antérieures à 1.1.12 (CVE-2024-21626, "Leaky Vessels"). Aucune image légitime n'en a besoin.</translation>
        </message>
        <message>
            <source>COPY --from should name an earlier stage.</source>
            <translation>COPY --from doit désigner un stage précédent.</translation>
        </message>
        <message>
            <source>When --from names no stage, BuildKit treats it as an image and pulls it from a registry, so a typo in a stage name becomes a pull of a random image. A stage defined later, or an index beyond the current stage, is usually a mistake as well.</source>
            <translation>Quand --from ne désigne aucun stage, BuildKit le traite comme une image et la télécharge depuis un registre : une faute de frappe dans un nom de stage devient ainsi le téléchargement d'une image quelconque. Un stage défini plus loin, ou un indice au-delà du stage courant, est généralement une erreur, elle aussi.</translation>
        </message>
        <message>
            <source>The Dockerfile cannot be read as written.</source>
            <translation>Le Dockerfile ne peut pas être lu tel qu'il est écrit.</translation>
        </message>
        <message>
            <source>The parser could not make sense of this part of the Dockerfile: the message says what was found and what was expected. BuildKit would stop the build here.</source>
            <translation>L'analyseur n'a pas pu interpréter cette partie du Dockerfile : le message indique ce qui a été trouvé et ce qui était attendu. BuildKit arrêterait le build ici.</translation>
        </message>
    </context>
    <context>
        <name>ll::lesson</name>
        <message>
            <source>the base has no /etc/os-release</source>
            <translation>la base n'a pas de /etc/os-release</translation>
        </message>
        <message>
            <source>standard</source>
            <translation>standard</translation>
        </message>
        <message>
            <source>bash, apt and build tools</source>
            <translation>bash, apt et outils de compilation</translation>
        </message>
        <message>
            <source>slim</source>
            <translation>slim</translation>
        </message>
        <message>
            <source>bash and apt, no compilers</source>
            <translation>bash et apt, sans compilateurs</translation>
        </message>
        <message>
            <source>Alpine</source>
            <translation>Alpine</translation>
        </message>
        <message>
            <source>busybox's sh and apk, musl instead of glibc</source>
            <translation>le sh de busybox et apk, musl au lieu de glibc</translation>
        </message>
        <message>
            <source>distroless</source>
            <translation>distroless</translation>
        </message>
        <message>
            <source>no shell, no package manager</source>
            <translation>ni shell, ni gestionnaire de paquets</translation>
        </message>
        <message>
            <source>Chainguard</source>
            <translation>Chainguard</translation>
        </message>
        <message>
            <source>nothing at all: only what you copy in</source>
            <translation>rien du tout : seulement ce que vous y copiez</translation>
        </message>
        <message>
            <source>there is no layer %1 to hash</source>
            <translation>il n'y a pas de couche %1 à hacher</translation>
        </message>
        <message>
            <source>canceled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <source>the base set in the Efficiency pane</source>
            <translation>la base réglée dans le volet Efficacité</translation>
        </message>
    </context>
    <context>
        <name>ll::quiz</name>
        <message>
            <source>(no instruction recorded)</source>
            <translation>(aucune instruction enregistrée)</translation>
        </message>
        <message>
            <source>step %1: %2</source>
            <translation>étape %1 : %2</translation>
        </message>
        <message>
            <source>How many layers does this image have?</source>
            <translation>Combien de couches cette image a-t-elle ?</translation>
        </message>
        <message>
            <source>Which of these steps added no layer to the image?</source>
            <translation>Laquelle de ces étapes n'a ajouté aucune couche à l'image ?</translation>
        </message>
        <message>
            <source>Step %1 (%2) changed only the image's configuration: its history entry is marked empty_layer and no layer blob goes with it. The other steps each made a layer.</source>
            <translation>L'étape %1 (%2) n'a changé que la configuration de l'image : son entrée d'historique est marquée empty_layer et aucun blob de couche ne l'accompagne. Les autres étapes ont chacune créé une couche.</translation>
        </message>
        <message>
            <source>Which step made the largest layer (its uncompressed tar)?</source>
            <translation>Quelle étape a créé la plus grosse couche (son tar décompressé) ?</translation>
        </message>
        <message numerus="yes">
            <source>Step %1 made layer %2: %3 uncompressed, the largest of the image's %n layer(s).</source>
            <translation>
                <numerusform>L'étape %1 a créé la couche %2 : %3 décompressés, la plus grosse de la seule couche de l'image.</numerusform>
                <numerusform>L'étape %1 a créé la couche %2 : %3 décompressés, la plus grosse des %n couches de l'image.</numerusform>
            </translation>
        </message>
        <message>
            <source>Which step added /%1?</source>
            <translation>Quelle étape a ajouté /%1 ?</translation>
        </message>
        <message>
            <source>Layer %1, made by step %2, is the first to hold /%3: the tree marks it A (added) among that layer's changes, and no layer below it has that path.</source>
            <translation>La couche %1, créée par l'étape %2, est la première à contenir /%3 : l'arborescence le marque A (ajouté) parmi les changements de cette couche, et aucune couche en dessous n'a ce chemin.</translation>
        </message>
        <message>
            <source>Which file of this image holds its configuration (Env, Cmd, the history, the DiffIDs)?</source>
            <translation>Quel fichier de cette image contient sa configuration (Env, Cmd, l'historique, les DiffID) ?</translation>
        </message>
        <message>
            <source>%1 is the image config: the manifest names it by its digest, and that sha256 (%2) is the image ID. The other files are the manifest and layer blobs.</source>
            <translation>%1 est la configuration de l'image : le manifeste la désigne par son empreinte, et ce sha256 (%2) est l'ID de l'image. Les autres fichiers sont le manifeste et des blobs de couches.</translation>
        </message>
        <message>
            <source>Layer %1 is stored compressed (%2). Which digest is the sha256 of its uncompressed tar, the one the config lists in rootfs.diff_ids?</source>
            <translation>La couche %1 est stockée compressée (%2). Quelle empreinte est le sha256 de son tar décompressé, celle que la configuration liste dans rootfs.diff_ids ?</translation>
        </message>
        <message>
            <source>The DiffID (%1) is the sha256 of the tar inside. The blob digest (%2) is of the compressed bytes as stored: the blob's file name and the manifest's entry. The ChainID (%3) stands for this layer with every layer below it.</source>
            <translation>Le DiffID (%1) est le sha256 du tar contenu. L'empreinte du blob (%2) est celle des octets compressés tels que stockés : le nom de fichier du blob et l'entrée du manifeste. Le ChainID (%3) représente cette couche avec toutes les couches en dessous.</translation>
        </message>
        <message>
            <source>By nothing: the bytes stay in layer %1, hidden</source>
            <translation>Pas du tout : les octets restent dans la couche %1, masqués</translation>
        </message>
        <message>
            <source>By %1</source>
            <translation>De %1</translation>
        </message>
        <message>
            <source>By %1 once the layers are compressed</source>
            <translation>De %1 une fois les couches compressées</translation>
        </message>
        <message>
            <source>By %1 on disk, nothing on a pull</source>
            <translation>De %1 sur le disque, mais pas au téléchargement</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s).</source>
            <translation>
                <numerusform>%n couche.</numerusform>
                <numerusform>%n couches.</numerusform>
            </translation>
        </message>
        <message>
            <source>Its configuration records no history.</source>
            <translation>Sa configuration n'enregistre aucun historique.</translation>
        </message>
        <message numerus="yes">
            <source>Each of the %n step(s) of its history made one.</source>
            <translation>
                <numerusform>La seule étape de son historique en a créé une.</numerusform>
                <numerusform>Chacune des %n étapes de son historique en a créé une.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Its history has %n step(s): only the steps that changed files made a layer; the others (ENV, CMD, LABEL…) changed the configuration alone.</source>
            <translation>
                <numerusform>Son historique compte %n étape : seules les étapes qui ont modifié des fichiers ont créé une couche ; les autres (ENV, CMD, LABEL…) n'ont changé que la configuration.</numerusform>
                <numerusform>Son historique compte %n étapes : seules les étapes qui ont modifié des fichiers ont créé une couche ; les autres (ENV, CMD, LABEL…) n'ont changé que la configuration.</numerusform>
            </translation>
        </message>
        <message>
            <source>Step %1 (%2) removes /%3, which layer %4 stores (%5). By how much does that make the image smaller?</source>
            <translation>L'étape %1 (%2) supprime /%3, que la couche %4 stocke (%5). De combien l'image en devient-elle plus petite ?</translation>
        </message>
        <message>
            <source>A layer cannot change the layers below it: step %1 only hides /%2 (a whiteout in its layer). Its %3 stay stored and downloaded with layer %4. Delete a file in the same RUN that creates it.</source>
            <translation>Une couche ne peut pas modifier les couches en dessous d'elle : l'étape %1 ne fait que masquer /%2 (un whiteout dans sa couche). Ses %3 restent stockés et téléchargés avec la couche %4. Il faut supprimer un fichier dans le même RUN que celui qui le crée.</translation>
        </message>
        <message>
            <source>A file that step %1 (%2) copies is edited, and the image is built again. Which steps run again?</source>
            <translation>Un fichier que copie l'étape %1 (%2) est modifié, puis l'image est construite à nouveau. Quelles étapes sont exécutées à nouveau ?</translation>
        </message>
        <message numerus="yes">
            <source>Step %1 and the %n step(s) after it</source>
            <translation>
                <numerusform>L'étape %1 et l'étape qui la suit</numerusform>
                <numerusform>L'étape %1 et les %n étapes qui la suivent</numerusform>
            </translation>
        </message>
        <message>
            <source>Only step %1</source>
            <translation>Seulement l'étape %1</translation>
        </message>
        <message>
            <source>Every step, from the first</source>
            <translation>Toutes les étapes, depuis la première</translation>
        </message>
        <message>
            <source>None: the cache knows a step by its instruction text</source>
            <translation>Aucune : le cache reconnaît une étape au texte de son instruction</translation>
        </message>
        <message numerus="yes">
            <source>The cache key of a COPY or ADD holds the content of the files it copies, so step %1 misses; the key of each later step holds the step before it, so all %n step(s) after it run again too. The steps before it come from the cache: what changes least goes first.</source>
            <translation>
                <numerusform>La clé de cache d'un COPY ou d'un ADD contient le contenu des fichiers copiés : l'étape %1 n'est donc pas dans le cache de build ; la clé de chaque étape suivante contient l'étape d'avant : l'étape qui la suit est donc exécutée à nouveau elle aussi. Les étapes d'avant viennent du cache : ce qui change le moins passe en premier.</numerusform>
                <numerusform>La clé de cache d'un COPY ou d'un ADD contient le contenu des fichiers copiés : l'étape %1 n'est donc pas dans le cache de build ; la clé de chaque étape suivante contient l'étape d'avant : les %n étapes qui la suivent sont donc exécutées à nouveau elles aussi. Les étapes d'avant viennent du cache : ce qui change le moins passe en premier.</numerusform>
            </translation>
        </message>
        <message>
            <source>None: their first layers differ</source>
            <translation>Aucune : leurs premières couches diffèrent</translation>
        </message>
        <message numerus="yes">
            <source>The first %n layer(s)</source>
            <translation>
                <numerusform>La première couche</numerusform>
                <numerusform>Les %n premières couches</numerusform>
            </translation>
        </message>
        <message>
            <source>This image and %1: how many layers, counted from the bottom, do they share?</source>
            <translation>Cette image et %1 : combien de couches, en partant du bas, ont-elles en commun ?</translation>
        </message>
        <message numerus="yes">
            <source>The first %n layer(s) have the same ChainID in both: the same base, its files unpacked once on disk; pulling %1 onto a machine that has this image skips the %2 of them stored as the same blobs (same digest).</source>
            <translation>
                <numerusform>La première couche a le même ChainID dans les deux : c'est la même base, ses fichiers décompressés une seule fois sur le disque ; un pull de %1 sur une machine qui a déjà cette image ne télécharge pas les %2 stockés dans le même blob (même empreinte).</numerusform>
                <numerusform>Les %n premières couches ont le même ChainID dans les deux : c'est la même base, ses fichiers décompressés une seule fois sur le disque ; un pull de %1 sur une machine qui a déjà cette image ne télécharge pas les %2 stockés dans les mêmes blobs (même empreinte).</numerusform>
            </translation>
        </message>
        <message>
            <source>Their first layers have different ChainIDs: they share no base, so each brings all of its layers.</source>
            <translation>Leurs premières couches ont des ChainID différents : elles n'ont pas de base commune, chacune apporte donc toutes ses couches.</translation>
        </message>
        <message>
            <source>Which of these images is built on the same base as this one (shares its first layers)?</source>
            <translation>Laquelle de ces images est construite sur la même base que celle-ci (en partage les premières couches) ?</translation>
        </message>
        <message>
            <source>None of them</source>
            <translation>Aucune d'entre elles</translation>
        </message>
        <message numerus="yes">
            <source>%1 has the same first %n layer(s) (same ChainID): the same base, its files unpacked once on disk. The others start with other layers.</source>
            <translation>
                <numerusform>%1 a la même première couche (même ChainID) : c'est la même base, ses fichiers décompressés une seule fois sur le disque. Les autres commencent par d'autres couches.</numerusform>
                <numerusform>%1 a les mêmes %n premières couches (même ChainID) : c'est la même base, ses fichiers décompressés une seule fois sur le disque. Les autres commencent par d'autres couches.</numerusform>
            </translation>
        </message>
        <message>
            <source>Each of them starts with other layers (another ChainID): none shares this image's base.</source>
            <translation>Chacune commence par d'autres couches (un autre ChainID) : aucune ne partage la base de cette image.</translation>
        </message>
    </context>
    <context>
        <name>gui::SharingPicture</name>
        <message numerus="yes">
            <source>+%n layer(s) more</source>
            <translation>
                <numerusform>+%n autre couche</numerusform>
                <numerusform>+%n autres couches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Shared base: %n layer(s), the same in both (same ChainID)</source>
            <translation>
                <numerusform>Base commune : %n couche, la même dans les deux (même ChainID)</numerusform>
                <numerusform>Base commune : %n couches, les mêmes dans les deux (même ChainID)</numerusform>
            </translation>
        </message>
        <message>
            <source>No layer in common: each image brings all of its own (%1 and %2 as stored).</source>
            <translation>Aucune couche en commun : chaque image apporte toutes les siennes (%1 et %2 tels que stockés).</translation>
        </message>
        <message>
            <source>Compare with a second image: the layers both share are drawn once, under the two stacks.</source>
            <translation>Comparez avec une seconde image : les couches qu'elles ont en commun sont dessinées une seule fois, sous les deux piles.</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s), %1 stored</source>
            <translation>
                <numerusform>%n couche, %1 stockés</numerusform>
                <numerusform>%n couches, %1 stockés</numerusform>
            </translation>
        </message>
        <message>
            <source>Stored once: the shared base's %1 are the same blobs in both (same digest), kept once on disk and in a registry; pulling B onto a machine that has A skips them (it downloads %2 of B's %3).</source>
            <translation>Stocké une seule fois : les %1 de la base commune sont les mêmes blobs dans les deux (même empreinte), gardés une fois sur le disque et dans un registre ; un pull de B sur une machine qui a déjà A ne les télécharge pas (il télécharge %2 sur les %3 de B).</translation>
        </message>
        <message>
            <source>The shared base holds the same files (same ChainID), unpacked once on disk; but only %1 of its %2 in B are the same blobs as A's (same digest), the rest compressed otherwise: pulling B onto a machine that has A downloads %3 of B's %4.</source>
            <translation>La base commune contient les mêmes fichiers (même ChainID), décompressés une seule fois sur le disque ; mais seuls %1 de ses %2 dans B sont les mêmes blobs que ceux de A (même empreinte), le reste est compressé autrement : un pull de B sur une machine qui a déjà A télécharge %3 sur les %4 de B.</translation>
        </message>
        <message>
            <source>%1 in B</source>
            <translation>%1 dans B</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>Build an image from a Dockerfile, without a daemon, with a per-instruction cache.</source>
            <translation>Construit une image à partir d'un Dockerfile, sans démon, avec un cache par instruction.</translation>
        </message>
        <message>
            <source>The Dockerfile (default: CONTEXT/Dockerfile).</source>
            <translation>Le Dockerfile (par défaut : CONTEXTE/Dockerfile).</translation>
        </message>
        <message>
            <source>Name the image (repeatable).</source>
            <translation>Nomme l'image (option répétable).</translation>
        </message>
        <message>
            <source>Build this stage (and the stages it needs).</source>
            <translation>Construit ce stage (et les stages dont il a besoin).</translation>
        </message>
        <message>
            <source>Set a build argument (repeatable).</source>
            <translation>Fixe un argument de build (option répétable).</translation>
        </message>
        <message>
            <source>Run every step; still store the results.</source>
            <translation>Exécute chaque étape ; garde quand même les résultats dans le cache.</translation>
        </message>
        <message>
            <source>Say for every cache miss what changed.</source>
            <translation>Dit, pour chaque étape absente du cache, ce qui a changé.</translation>
        </message>
        <message>
            <source>Also write the image: oci:DIR, oci-archive:FILE or docker-archive:FILE (repeatable).</source>
            <translation>Écrit aussi l'image : oci:DOSSIER, oci-archive:FICHIER ou docker-archive:FICHIER (option répétable).</translation>
        </message>
        <message>
            <source>The cache folder (default: $LAYERLENS_CACHE_DIR or $XDG_CACHE_HOME/layerlens).</source>
            <translation>Le dossier du cache de build (par défaut : $LAYERLENS_CACHE_DIR ou $XDG_CACHE_HOME/layerlens).</translation>
        </message>
        <message>
            <source>The local image store (default: $LAYERLENS_STORE_DIR or $XDG_DATA_HOME/layerlens/images).</source>
            <translation>Le magasin d'images local (par défaut : $LAYERLENS_STORE_DIR ou $XDG_DATA_HOME/layerlens/images).</translation>
        </message>
        <message>
            <source>Layer compression: gzip (default), zstd or none.</source>
            <translation>Compression des couches : gzip (par défaut), zstd ou none (aucune).</translation>
        </message>
        <message>
            <source>gzip: 0 (stored) to 9, default 2; 1-3 are ISA-L's fast levels when built with it, 4-9 zlib's. zstd: 1 to 19, default 3.</source>
            <translation>gzip : de 0 (sans compression) à 9, 2 par défaut ; 1 à 3 sont les niveaux rapides d'ISA-L quand le programme est compilé avec, 4 à 9 ceux de zlib. zstd : de 1 à 19, 3 par défaut.</translation>
        </message>
        <message>
            <source>RUN's network unless a RUN says --network: default (its own namespace, connected by slirp4netns), none or host.</source>
            <translation>Le réseau des RUN, sauf quand un RUN précise --network : default (son propre namespace, relié par slirp4netns), none ou host.</translation>
        </message>
        <message>
            <source>Grant an entitlement, as BuildKit does: network.host lets RUN --network=host run.</source>
            <translation>Accorde un droit, comme BuildKit : network.host permet d'exécuter RUN --network=host.</translation>
        </message>
        <message>
            <source>FROM a name: missing (default: the local store's copy, else the registry's), always (ask the registry), never (local only).</source>
            <translation>FROM un nom : missing (par défaut : la copie du magasin local, sinon celle du registre), always (demander au registre), never (local seulement).</translation>
        </message>
        <message>
            <source>The target platform (FROM picks it from multi-platform images; RUN is not emulated).</source>
            <translation>La plateforme cible (FROM la choisit dans les images multi-plateformes ; RUN n'est pas émulé).</translation>
        </message>
        <message>
            <source>Push the image to the registry its first --tag names.</source>
            <translation>Pousse l'image vers le registre que nomme son premier --tag.</translation>
        </message>
        <message>
            <source>Reuse steps from a build cache in a registry: registry:REF or type=registry,ref=REF (repeatable). A layer is downloaded only when a step uses it.</source>
            <translation>Réutilise les étapes d'un cache de build dans un registre : registry:REF ou type=registry,ref=REF (option répétable). Une couche n'est téléchargée que si une étape s'en sert.</translation>
        </message>
        <message>
            <source>Export this build's step cache (records and layers) to a registry: registry:REF or type=registry,ref=REF.</source>
            <translation>Exporte le cache des étapes de ce build (enregistrements et couches) vers un registre : registry:REF ou type=registry,ref=REF.</translation>
        </message>
        <message>
            <source>Load the image into Docker (if it answers) or Podman, under its first --tag.</source>
            <translation>Charge l'image dans Docker (s'il répond) ou Podman, sous son premier --tag.</translation>
        </message>
        <message>
            <source>true or false: check registries' TLS certificates (default true, except loopback registries).</source>
            <translation>true ou false : vérifier les certificats TLS des registres (true par défaut, sauf pour les registres sur la boucle locale).</translation>
        </message>
        <message>
            <source>A folder of HOST[:PORT]/ca.crt files trusted for those registries.</source>
            <translation>Un dossier de fichiers HÔTE[:PORT]/ca.crt auxquels se fier pour ces registres.</translation>
        </message>
        <message>
            <source>The build context folder.</source>
            <translation>Le dossier du contexte de build.</translation>
        </message>
        <message>
            <source>The build cache:
  ls     every cached step
  du     records, blobs and bytes
  prune  remove every record and blob (waits for running builds)</source>
            <translation>Le cache de build :
  ls     chaque étape en cache
  du     enregistrements, blobs et octets
  prune  supprime chaque enregistrement et blob (attend la fin des builds en cours)</translation>
        </message>
        <message>
            <source>The cache (default: $LAYERLENS_CACHE_DIR or $XDG_CACHE_HOME/layerlens).</source>
            <translation>Le cache (par défaut : $LAYERLENS_CACHE_DIR ou $XDG_CACHE_HOME/layerlens).</translation>
        </message>
        <message>
            <source>ls, du or prune</source>
            <translation>ls, du ou prune</translation>
        </message>
        <message>
            <source>Judge an image by dive's CI rules, read as dive reads them: a .dive-ci file in the current folder (or --ci-config FILE) with rules: lowestEfficiency, highestWastedBytes, highestUserWastedPercent; flags given here win over the file. Prints dive's report and exits 1 when a rule fails (or a layer fails its digest check).</source>
            <translation>Juge une image selon les règles de CI de dive, lues comme dive les lit : un fichier .dive-ci dans le dossier courant (ou --ci-config FICHIER) avec les règles lowestEfficiency, highestWastedBytes, highestUserWastedPercent ; les options données ici l'emportent sur le fichier. Affiche le rapport de dive et sort avec le code 1 quand une règle échoue (ou qu'une couche échoue à la vérification de son empreinte).</translation>
        </message>
        <message>
            <source>dive's CI rules file (default: .dive-ci in the current folder, when present).</source>
            <translation>Le fichier de règles de CI de dive (par défaut : .dive-ci dans le dossier courant, s'il existe).</translation>
        </message>
        <message>
            <source>Lowest allowed efficiency, 0..1 (dive's default 0.9).</source>
            <translation>Efficacité minimale admise, de 0 à 1 (0.9 par défaut chez dive).</translation>
        </message>
        <message>
            <source>Highest allowed wasted bytes, e.g. 20MB = 20,000,000 (dive's default: disabled).</source>
            <translation>Octets gaspillés maximum admis, par exemple 20MB = 20 000 000 (désactivé par défaut chez dive).</translation>
        </message>
        <message>
            <source>Highest allowed wasted / user bytes, 0..1 (dive's default 0.1).</source>
            <translation>Rapport maximal admis entre octets gaspillés et octets des couches utilisateur, de 0 à 1 (0.1 par défaut chez dive).</translation>
        </message>
        <message>
            <source>Compare two images: their layers (a common base, the rest), the files of their filesystems (added, removed, changed in B), their configs and their histories. Exit status 0 when the filesystems and configs are the same, 1 when they differ, 2 when an image cannot be read or a layer fails verification.</source>
            <translation>Compare deux images : leurs couches (une base commune, le reste), les fichiers de leurs systèmes de fichiers (ajoutés, supprimés, modifiés dans B), leurs configurations et leurs historiques. Code de sortie 0 quand les systèmes de fichiers et les configurations sont identiques, 1 quand ils diffèrent, 2 quand une image est illisible ou qu'une couche échoue à la vérification.</translation>
        </message>
        <message>
            <source>The second image, in any form IMAGE takes.</source>
            <translation>La seconde image, sous toute forme qu'accepte IMAGE.</translation>
        </message>
        <message>
            <source>Print JSON (schema layerlens.diff/v1, see docs/json-schema.md).</source>
            <translation>Affiche du JSON (schéma layerlens.diff/v1, voir docs/json-schema.md).</translation>
        </message>
        <message>
            <source>Compare the filesystem after layer N of A (default: the last).</source>
            <translation>Compare le système de fichiers après la couche N de A (par défaut : la dernière).</translation>
        </message>
        <message>
            <source>Compare the filesystem after layer N of B (default: the last).</source>
            <translation>Compare le système de fichiers après la couche N de B (par défaut : la dernière).</translation>
        </message>
        <message>
            <source>Which image of a multi-image archive: a name, a digest prefix or #N.</source>
            <translation>Quelle image d'une archive qui en contient plusieurs : un nom, un début d'empreinte ou #N.</translation>
        </message>
        <message>
            <source>Which platform of a multi-platform index, e.g. linux/arm64.</source>
            <translation>Quelle plateforme d'un index multi-plateformes, par exemple linux/arm64.</translation>
        </message>
        <message>
            <source>Stop a layer that decompresses to more than N times its stored size once past 1 GiB (a decompression bomb); 0 for no limit. Default %1 (LAYERLENS_MAX_RATIO).</source>
            <translation>Arrête une couche qui, passé 1 Gio, se décompresse en plus de N fois sa taille stockée (une bombe de décompression) ; 0 pour aucune limite. Par défaut %1 (LAYERLENS_MAX_RATIO).</translation>
        </message>
        <message>
            <source>A docker save tarball, an OCI archive or layout folder, or an image reference: NAME[:TAG] (the local store, then Docker or Podman, then the registry), docker://REF, docker-daemon:REF, podman:REF.</source>
            <translation>Une archive docker save, une archive ou un dossier OCI, ou une référence d'image : NOM[:TAG] (le magasin local, puis Docker ou Podman, puis le registre), docker://REF, docker-daemon:REF, podman:REF.</translation>
        </message>
        <message>
            <source>true or false: check registries' TLS certificates (default: true, except for loopback registries and $LAYERLENS_INSECURE_REGISTRIES, which may also speak HTTP).</source>
            <translation>true ou false : vérifier les certificats TLS des registres (par défaut : true, sauf pour les registres sur la boucle locale et ceux de $LAYERLENS_INSECURE_REGISTRIES, qui peuvent aussi parler HTTP).</translation>
        </message>
        <message>
            <source>The local image store: what `FROM name` and `inspect name` find, one content-addressed blob store shared by pulls, builds and imports.
  layerlens-cli images [ls]
  layerlens-cli images pull REFERENCE          (from a registry; only missing layers are downloaded)
  layerlens-cli images push NAME [docker://]REFERENCE
  layerlens-cli images import ARCHIVE|OCI-DIR NAME:TAG
  layerlens-cli images rm NAME...
  layerlens-cli images prune                    (delete blobs no name uses)</source>
            <translation>Le magasin d'images local : ce que trouvent `FROM nom` et `inspect nom`, un seul magasin de blobs adressé par contenu, partagé par les pulls, les builds et les imports.
  layerlens-cli images [ls]
  layerlens-cli images pull RÉFÉRENCE          (depuis un registre ; seules les couches manquantes sont téléchargées)
  layerlens-cli images push NOM [docker://]RÉFÉRENCE
  layerlens-cli images import ARCHIVE|DOSSIER-OCI NOM:TAG
  layerlens-cli images rm NOM...
  layerlens-cli images prune                    (supprime les blobs qu'aucun nom n'utilise)</translation>
        </message>
        <message>
            <source>pull: which platform of a multi-platform image (default: this machine's).</source>
            <translation>pull : quelle plateforme d'une image multi-plateformes (par défaut : celle de cette machine).</translation>
        </message>
        <message>
            <source>ls (default), pull, push, import, rm, prune</source>
            <translation>ls (par défaut), pull, push, import, rm, prune</translation>
        </message>
        <message>
            <source>Copy an image, as `skopeo copy` does, through the local store.
SOURCE: a file or folder, oci:DIR, oci-archive:FILE, docker-archive:FILE, docker://REF, docker-daemon:REF, podman:REF, or a name.
DESTINATION: docker://REF (push), docker-daemon:REF or podman:REF (load), oci:DIR, oci-archive:FILE, docker-archive:FILE, or a name in the store.</source>
            <translation>Copie une image, comme `skopeo copy`, en passant par le magasin local.
SOURCE : un fichier ou un dossier, oci:DOSSIER, oci-archive:FICHIER, docker-archive:FICHIER, docker://REF, docker-daemon:REF, podman:REF, ou un nom.
DESTINATION : docker://REF (push), docker-daemon:REF ou podman:REF (chargement), oci:DOSSIER, oci-archive:FICHIER, docker-archive:FICHIER, ou un nom dans le magasin.</translation>
        </message>
        <message>
            <source>Which platform of a multi-platform source.</source>
            <translation>Quelle plateforme d'une source multi-plateformes.</translation>
        </message>
        <message>
            <source>Which image of a multi-image archive source: a name, a digest prefix or #N.</source>
            <translation>Quelle image d'une archive source qui en contient plusieurs : un nom, un début d'empreinte ou #N.</translation>
        </message>
        <message>
            <source>The image to copy.</source>
            <translation>L'image à copier.</translation>
        </message>
        <message>
            <source>Where to put it.</source>
            <translation>Où la mettre.</translation>
        </message>
        <message>
            <source>Show an image's layers (with verified digests), its build steps, its config and its wasted space.</source>
            <translation>Montre les couches d'une image (avec leurs empreintes vérifiées), ses étapes de build, sa configuration et son espace gaspillé.</translation>
        </message>
        <message>
            <source>Print JSON (schema layerlens.inspect/v1, see docs/json-schema.md).</source>
            <translation>Affiche du JSON (schéma layerlens.inspect/v1, voir docs/json-schema.md).</translation>
        </message>
        <message>
            <source>Print the file tree after a layer, with change marks (A added, M modified, T attributes, D removed).</source>
            <translation>Affiche l'arborescence après une couche, avec les marques de changement (A ajouté, M modifié, T attributs, D supprimé).</translation>
        </message>
        <message>
            <source>Layer for --tree, from 1 (default: the last).</source>
            <translation>La couche de --tree, à partir de 1 (par défaut : la dernière).</translation>
        </message>
        <message>
            <source>With --tree: only what that layer changed.</source>
            <translation>Avec --tree : seulement ce que cette couche a changé.</translation>
        </message>
        <message>
            <source>With --tree: mark every path against the filesystem after layer N, 0 for none (dive's aggregated view is --since 1; the window's "Changes since the base").</source>
            <translation>Avec --tree : marque chaque chemin par rapport au système de fichiers après la couche N, 0 pour aucun (la vue agrégée de dive est --since 1 ; dans la fenêtre, « Changements depuis la base »).</translation>
        </message>
        <message>
            <source>How many of the first layers are the base image's (0: none), for the split of hidden bytes (default: guessed from the history, else dive's rule: 1).</source>
            <translation>Combien des premières couches sont celles de l'image de base (0 : aucune), pour la répartition des octets masqués (par défaut : déduit de l'historique, sinon la règle de dive : 1).</translation>
        </message>
        <message>
            <source>How many wasted paths to list (default 10).</source>
            <translation>Combien de chemins gaspillés lister (10 par défaut).</translation>
        </message>
        <message>
            <source>Usage: layerlens-cli lint [--json] [--ignore-file FILE] [--build-arg NAME=VALUE]... Dockerfile
Checks a Dockerfile and prints one line per finding, in the form
FILE:LINE:COL: SEVERITY: MESSAGE [Rule].

Options:
  --json              print a JSON array of findings instead
  --ignore-file FILE  the .dockerignore to check COPY/ADD sources against (default:
                      Dockerfile.dockerignore or .dockerignore beside the Dockerfile)
  --build-arg N=V     a build argument, as docker build takes it: BUILDKIT_DOCKERFILE_CHECK
                      replaces the file's # check= directive; platform ARGs count in
                      InvalidDefaultArgInFrom

Exit status:
  0  no errors (warnings allowed)
  1  errors found
  2  bad usage or unreadable input
</source>
            <translation>Utilisation : layerlens-cli lint [--json] [--ignore-file FICHIER] [--build-arg NOM=VALEUR]... Dockerfile
Vérifie un Dockerfile et affiche une ligne par constat, sous la forme
FICHIER:LIGNE:COL: GRAVITÉ: MESSAGE [Règle].

Options :
  --json              affiche plutôt un tableau JSON des constats
  --ignore-file FICHIER
                      le .dockerignore contre lequel vérifier les sources des COPY/ADD
                      (par défaut : Dockerfile.dockerignore ou .dockerignore à côté du Dockerfile)
  --build-arg N=V     un argument de build, comme docker build le prend : BUILDKIT_DOCKERFILE_CHECK
                      remplace la directive # check= du fichier ; les ARG de plateforme comptent
                      dans InvalidDefaultArgInFrom

Code de sortie :
  0  aucune erreur (avertissements permis)
  1  erreurs trouvées
  2  mauvaise utilisation ou entrée illisible
</translation>
        </message>
        <message>
            <source>show an image's layers, digests, files and wasted space</source>
            <translation>montre les couches, les empreintes, les fichiers et l'espace gaspillé d'une image</translation>
        </message>
        <message>
            <source>compare two images: layers, files, config and history</source>
            <translation>compare deux images : couches, fichiers, configuration et historique</translation>
        </message>
        <message>
            <source>questions on an image with their answers, for a workshop (English or French)</source>
            <translation>des questions sur une image, avec leurs réponses, pour un atelier (en anglais ou en français)</translation>
        </message>
        <message>
            <source>fail (exit 1) when an image breaks efficiency rules, as dive's CI mode does</source>
            <translation>échoue (code 1) quand une image enfreint des règles d'efficacité, comme le mode CI de dive</translation>
        </message>
        <message>
            <source>check a Dockerfile and print its diagnostics</source>
            <translation>vérifie un Dockerfile et affiche ses diagnostics</translation>
        </message>
        <message>
            <source>write LayerLens's sample image (every kind of layer change) to a file</source>
            <translation>écrit l'image d'exemple de LayerLens (chaque sorte de changement de couche) dans un fichier</translation>
        </message>
        <message>
            <source>build an image from a Dockerfile, with a per-instruction cache</source>
            <translation>construit une image à partir d'un Dockerfile, avec un cache par instruction</translation>
        </message>
        <message>
            <source>the local image store: ls, pull, push, import, rm, prune</source>
            <translation>le magasin d'images local : ls, pull, push, import, rm, prune</translation>
        </message>
        <message>
            <source>copy an image between registries, Docker, Podman, files and the store</source>
            <translation>copie une image entre registres, Docker, Podman, fichiers et le magasin</translation>
        </message>
        <message>
            <source>list, measure or prune the build cache</source>
            <translation>liste, mesure ou vide le cache de build</translation>
        </message>
        <message>
            <source>Usage: layerlens-cli COMMAND [options]

Commands:
</source>
            <translation>Utilisation : layerlens-cli COMMANDE [options]

Commandes :
</translation>
        </message>
        <message>
            <source>
'layerlens-cli COMMAND --help' tells more.
</source>
            <translation>
« layerlens-cli COMMANDE --help » en dit plus.
</translation>
        </message>
        <message>
            <source>layerlens-cli: unknown command "%1"
</source>
            <translation>layerlens-cli : commande inconnue « %1 »
</translation>
        </message>
        <message>
            <source>Questions on an image, made from what it holds (how many layers, which step added a path, which file is the config, DiffID or blob digest, what a later rm saves…), with their answers and where the window shows the proof: the window's quiz (Help › Quiz), for a trainer to print or reuse.</source>
            <translation>Des questions sur une image, tirées de ce qu'elle contient (combien de couches, quelle étape a ajouté un chemin, quel fichier est la configuration, DiffID ou empreinte du blob, ce qu'un rm ultérieur économise…), avec leurs réponses et l'endroit où la fenêtre en montre la preuve : le quiz de la fenêtre (Aide › Quiz), qu'un formateur peut imprimer ou réutiliser.</translation>
        </message>
        <message>
            <source>Print JSON (schema layerlens.quiz/v1, see docs/json-schema.md).</source>
            <translation>Affiche du JSON (schéma layerlens.quiz/v1, voir docs/json-schema.md).</translation>
        </message>
        <message>
            <source>Another set of choices and picked paths (default: from the image ID, so the window and this command ask the same).</source>
            <translation>Un autre jeu de choix et de chemins tirés (par défaut : tiré de l'ID de l'image, pour que la fenêtre et cette commande posent les mêmes questions).</translation>
        </message>
        <message>
            <source>Another image to ask about (repeatable, up to 3): which of them shares IMAGE's base, or with one, how many layers the two share.</source>
            <translation>Une autre image sur laquelle interroger (option répétable, jusqu'à 3) : laquelle partage la base d'IMAGE, ou, avec une seule, combien de couches les deux ont en commun.</translation>
        </message>
        <message>
            <source>The questions' language: %1 (default: the system's).</source>
            <translation>La langue des questions : %1 (par défaut : celle du système).</translation>
        </message>
        <message>
            <source>Write the sample image: five layers showing every kind of change, and some wasted space.</source>
            <translation>Écrit l'image d'exemple : cinq couches qui montrent chaque sorte de changement, et un peu d'espace gaspillé.</translation>
        </message>
        <message>
            <source>docker25 (default), docker, oci-archive or oci (a folder).</source>
            <translation>docker25 (par défaut), docker, oci-archive ou oci (un dossier).</translation>
        </message>
        <message>
            <source>The file (or folder for oci) to write.</source>
            <translation>Le fichier (ou le dossier pour oci) à écrire.</translation>
        </message>
        <message>
            <source>Source    %1 (%2)
</source>
            <translation>Source    %1 (%2)
</translation>
        </message>
        <message>
            <source>          holds %1 images; showing #%2 (choose with --image/--platform)
</source>
            <translation>          contient %1 images ; affichage de #%2 (choisir avec --image/--platform)
</translation>
        </message>
        <message>
            <source>Image     %1  %2
</source>
            <translation>Image     %1  %2
</translation>
        </message>
        <message>
            <source>(unnamed)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <source>Image ID  %1 (config %2)
</source>
            <translation>ID image  %1 (configuration %2)
</translation>
        </message>
        <message>
            <source>Layers    %1, %2 stored, %3 uncompressed, %4
</source>
            <translation>Couches   %1, %2 stockés, %3 décompressés, %4
</translation>
        </message>
        <message>
            <source>%1 FAILED verification</source>
            <translation>%1 en ÉCHEC de vérification</translation>
        </message>
        <message>
            <source>all digests verified</source>
            <translation>toutes les empreintes vérifiées</translation>
        </message>
        <message>
            <source>Entrypoint %1
</source>
            <translation>Entrypoint %1
</translation>
        </message>
        <message>
            <source>Cmd       %1
</source>
            <translation>Cmd       %1
</translation>
        </message>
        <message>
            <source>Workdir   %1   User %2
</source>
            <translation>Workdir   %1   Utilisateur %2
</translation>
        </message>
        <message>
            <source>Ports     %1
</source>
            <translation>Ports     %1
</translation>
        </message>
        <message>
            <source>Warning   %1
</source>
            <translation>Attention %1
</translation>
        </message>
        <message>
            <source>(metadata)</source>
            <translation>(métadonnée)</translation>
        </message>
        <message>
            <source>  layer %1: %2
</source>
            <translation>  couche %1 : %2
</translation>
        </message>
        <message>
            <source>n/a (no user layers)</source>
            <translation>sans objet (aucune couche utilisateur)</translation>
        </message>
        <message>
            <source>
Efficiency (dive's figures)  %1 %   wasted %2 B (%3)   user wasted %4   inefficient files %5
</source>
            <translation>
Efficacité (chiffres de dive)  %1 %   gaspillé %2 o (%3)   gaspillé utilisateur %4   fichiers inefficaces %5
</translation>
        </message>
        <message>
            <source>Hidden by later layers (LayerLens)  %1 in %2 files: file bytes the layers store that the final filesystem
  does not show, counted per file (dive counts a removed folder once and counts the copy that stays)
</source>
            <translation>Masqué par des couches ultérieures (LayerLens)  %1 dans %2 fichier(s) : octets de fichiers stockés par les couches
  et absents du système de fichiers final, comptés par fichier (dive compte une fois un dossier supprimé, et la copie qui reste)
</translation>
        </message>
        <message>
            <source>as given by --base</source>
            <translation>selon --base</translation>
        </message>
        <message>
            <source>guessed from %1</source>
            <translation>d'après %1</translation>
        </message>
        <message>
            <source>  no base image (%1): every layer was built here
</source>
            <translation>  pas d'image de base (%1) : chaque couche a été construite ici
</translation>
        </message>
        <message>
            <source>  every layer is the base image's (%1): nothing was built on it
</source>
            <translation>  chaque couche est celle de l'image de base (%1) : rien n'a été construit dessus
</translation>
        </message>
        <message>
            <source>layer 1</source>
            <translation>couche 1</translation>
        </message>
        <message>
            <source>layers 1-%1</source>
            <translation>couches 1 à %1</translation>
        </message>
        <message>
            <source>Hidden bytes by path (largest first):
    HIDDEN      STORED  PATH  (history)
</source>
            <translation>Octets masqués par chemin (les plus gros d'abord) :
    MASQUÉ      STOCKÉ  CHEMIN  (historique)
</translation>
        </message>
        <message>
            <source>layer %1 %2%3</source>
            <translation>couche %1 : %2%3</translation>
        </message>
        <message>
            <source>  … and %1 more (--top N)
</source>
            <translation>  … et %1 de plus (--top N)
</translation>
        </message>
        <message>
            <source># filesystem after layer %1 of %2, marked against the filesystem after layer %3; marks: A added, M modified, T attributes only, D removed
</source>
            <translation># système de fichiers après la couche %1 sur %2, marqué par rapport au système de fichiers après la couche %3 ; marques : A ajouté, M modifié, T attributs seulement, D supprimé
</translation>
        </message>
        <message>
            <source># filesystem changes in layer %1 of %2; marks: A added, M modified, T attributes only, D removed
</source>
            <translation># changements du système de fichiers dans la couche %1 sur %2 ; marques : A ajouté, M modifié, T attributs seulement, D supprimé
</translation>
        </message>
        <message>
            <source># filesystem after layer %1 of %2; marks: A added, M modified, T attributes only, D removed
</source>
            <translation># système de fichiers après la couche %1 sur %2 ; marques : A ajouté, M modifié, T attributs seulement, D supprimé
</translation>
        </message>
        <message>
            <source>STEP</source>
            <translation>ÉTAPE</translation>
        </message>
        <message>
            <source>LAYER</source>
            <translation>COUCHE</translation>
        </message>
        <message>
            <source>STATUS</source>
            <translation>ÉTAT</translation>
        </message>
        <message>
            <source>SIZE</source>
            <translation>TAILLE</translation>
        </message>
        <message>
            <source>FILES</source>
            <translation>FICHIERS</translation>
        </message>
        <message>
            <source>INSTRUCTION</source>
            <translation>INSTRUCTION</translation>
        </message>
        <message>
            <source>  %1 in your layers (%2-%3): a Dockerfile change can save them;
  %4 in the base image's (%5): only another base can (base: %6)
</source>
            <translation>  %1 dans vos couches (%2 à %3) : une modification du Dockerfile peut les économiser ;
  %4 dans celles de l'image de base (%5) : seule une autre base le peut (base : %6)
</translation>
        </message>
        <message>
            <source>%1  %2  (%3, %4 uncompressed, %5 stored; compared after layer %6)
</source>
            <translation>%1  %2  (%3, %4 décompressés, %5 stockés ; comparée après la couche %6)
</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>couche</translation>
        </message>
        <message>
            <source>layers</source>
            <translation>couches</translation>
        </message>
        <message>
            <source>
Layers    </source>
            <translation>
Couches   </translation>
        </message>
        <message>
            <source>the first layer is the same in both (same ChainID): %1 of B, of which %2 stored as the same blobs as A's
          (same digest): a machine holding A does not download those again
          </source>
            <translation>la première couche est la même dans les deux (même ChainID) : %1 de B, dont %2 dans les mêmes blobs que ceux de A
          (même empreinte) : une machine qui a déjà A ne télécharge pas ceux-là à nouveau
          </translation>
        </message>
        <message>
            <source>the first %1 layers are the same in both (same ChainID): %2 of B, of which %3 stored as the same blobs as A's
          (same digest): a machine holding A does not download those again
          </source>
            <translation>les %1 premières couches sont les mêmes dans les deux (même ChainID) : %2 de B, dont %3 dans les mêmes blobs que ceux de A
          (même empreinte) : une machine qui a déjà A ne télécharge pas ceux-là à nouveau
          </translation>
        </message>
        <message>
            <source>no common base (the first layers differ)
          </source>
            <translation>pas de base commune (les premières couches diffèrent)
          </translation>
        </message>
        <message>
            <source>then %1 of A's own, %2 of B's own
</source>
            <translation>puis %1 en propre pour A, %2 pour B
</translation>
        </message>
        <message>
            <source>
Files     %1 added (%2), %3 removed (%4), %5 changed in B
</source>
            <translation>
Fichiers  ajoutés : %1 (%2), supprimés : %3 (%4), modifiés dans B : %5
</translation>
        </message>
        <message>
            <source>
Config    %1
</source>
            <translation>
Config    %1
</translation>
        </message>
        <message>
            <source>the same</source>
            <translation>identique</translation>
        </message>
        <message>
            <source>difference</source>
            <translation>différence</translation>
        </message>
        <message>
            <source>differences</source>
            <translation>différences</translation>
        </message>
        <message>
            <source>
History   %1</source>
            <translation>
Étapes    %1</translation>
        </message>
        <message>
            <source>no step is the same</source>
            <translation>aucune étape n'est identique</translation>
        </message>
        <message>
            <source>the first step is the same</source>
            <translation>la première étape est identique</translation>
        </message>
        <message>
            <source>the first %1 steps are the same</source>
            <translation>les %1 premières étapes sont identiques</translation>
        </message>
        <message>
            <source>: every step
</source>
            <translation> : toutes les étapes
</translation>
        </message>
        <message>
            <source>; then
</source>
            <translation> ; puis
</translation>
        </message>
        <message>
            <source>layerlens-cli build: expected one CONTEXT folder
</source>
            <translation>layerlens-cli build : un seul dossier CONTEXTE attendu
</translation>
        </message>
        <message>
            <source>layerlens-cli build: --allow %1: the only entitlement is network.host
</source>
            <translation>layerlens-cli build : --allow %1 : le seul droit possible est network.host
</translation>
        </message>
        <message>
            <source>layerlens-cli build: --push and --load need a --tag to name the image
</source>
            <translation>layerlens-cli build : --push et --load ont besoin d'un --tag pour nommer l'image
</translation>
        </message>
        <message>
            <source>layerlens-cli build: --compression takes gzip, zstd or none
</source>
            <translation>layerlens-cli build : --compression prend gzip, zstd ou none
</translation>
        </message>
        <message>
            <source>layerlens-cli build: --compression-level needs --compression gzip or zstd
</source>
            <translation>layerlens-cli build : --compression-level demande --compression gzip ou zstd
</translation>
        </message>
        <message>
            <source>layerlens-cli build: canceled
</source>
            <translation>layerlens-cli build : annulé
</translation>
        </message>
        <message>
            <source>built %1 in %2s (%3 of %4 steps cached)
</source>
            <translation>%1 construite en %2 s (étapes depuis le cache : %3 sur %4)
</translation>
        </message>
        <message>
            <source>layerlens-cli images pull: give one REFERENCE
</source>
            <translation>layerlens-cli images pull : donner une RÉFÉRENCE
</translation>
        </message>
        <message>
            <source>layerlens-cli images import: give ARCHIVE and NAME:TAG
</source>
            <translation>layerlens-cli images import : donner ARCHIVE et NOM:TAG
</translation>
        </message>
        <message>
            <source>imported %1 as %2
</source>
            <translation>%1 importée sous le nom %2
</translation>
        </message>
        <message>
            <source>layerlens-cli images push: give NAME and, optionally, where to push it
</source>
            <translation>layerlens-cli images push : donner NOM et, si besoin, où le pousser
</translation>
        </message>
        <message>
            <source>layerlens-cli images rm: give the names to remove
</source>
            <translation>layerlens-cli images rm : donner les noms à retirer
</translation>
        </message>
        <message>
            <source>untagged %1
</source>
            <translation>nom %1 retiré
</translation>
        </message>
        <message>
            <source>deleted %1 blobs, %2 freed
</source>
            <translation>blob(s) supprimé(s) : %1, %2 libérés
</translation>
        </message>
        <message>
            <source>layerlens-cli copy: give SOURCE and DESTINATION
</source>
            <translation>layerlens-cli copy : donner SOURCE et DESTINATION
</translation>
        </message>
        <message>
            <source>layerlens-cli cache: give ls, du or prune
</source>
            <translation>layerlens-cli cache : donner ls, du ou prune
</translation>
        </message>
        <message>
            <source>%1: %2 cached steps, %3 blobs, %4
</source>
            <translation>%1 : %2 étape(s) en cache, %3 blob(s), %4
</translation>
        </message>
        <message>
            <source>freed %1
</source>
            <translation>%1 libérés
</translation>
        </message>
        <message>
            <source>layerlens-cli: expected one IMAGE (a tarball or an OCI layout folder), got %1
</source>
            <translation>layerlens-cli : une seule IMAGE attendue (une archive tar ou un dossier OCI), reçu : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli: canceled
</source>
            <translation>layerlens-cli : annulé
</translation>
        </message>
        <message>
            <source>layerlens-cli quiz: --language takes one of: %1
</source>
            <translation>layerlens-cli quiz : --language prend l'une de ces valeurs : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli quiz: --seed takes a number from 0 to 4294967295
</source>
            <translation>layerlens-cli quiz : --seed prend un nombre de 0 à 4294967295
</translation>
        </message>
        <message>
            <source>layerlens-cli quiz: --with takes up to 3 images (a question has 4 choices)
</source>
            <translation>layerlens-cli quiz : --with prend au plus 3 images (une question a 4 choix)
</translation>
        </message>
        <message>
            <source>layerlens-cli sample: expected one OUTPUT path
</source>
            <translation>layerlens-cli sample : un seul chemin SORTIE attendu
</translation>
        </message>
        <message>
            <source>layerlens-cli inspect: --layer takes a layer number from 1
</source>
            <translation>layerlens-cli inspect : --layer prend un numéro de couche à partir de 1
</translation>
        </message>
        <message>
            <source>layerlens-cli inspect: --layer %1: the image has %2 layers
</source>
            <translation>layerlens-cli inspect : --layer %1 : nombre de couches de l'image : %2
</translation>
        </message>
        <message>
            <source>layerlens-cli inspect: --since takes a layer number from 0 to %1, below the layer shown (%2)
</source>
            <translation>layerlens-cli inspect : --since prend un numéro de couche de 0 à %1, sous la couche affichée (%2)
</translation>
        </message>
        <message>
            <source>layerlens-cli inspect: --since goes with --tree, and not with --changes-only
</source>
            <translation>layerlens-cli inspect : --since va avec --tree, et pas avec --changes-only
</translation>
        </message>
        <message>
            <source>layerlens-cli inspect: --base takes a layer count from 0 to %1
</source>
            <translation>layerlens-cli inspect : --base prend un nombre de couches de 0 à %1
</translation>
        </message>
        <message>
            <source>layerlens-cli: %1: %2 layer(s) failed verification
</source>
            <translation>layerlens-cli : %1 : %2 couche(s) en échec de vérification
</translation>
        </message>
        <message>
            <source>  layer %1 (%2): %3
</source>
            <translation>  couche %1 (%2) : %3
</translation>
        </message>
        <message>
            <source>ERROR</source>
            <translation>ERREUR</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>ÉCHEC</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>ok</translation>
        </message>
        <message>
            <source>unchecked</source>
            <translation>non vérifiée</translation>
        </message>
        <message>
            <source>layerlens-cli diff: --%1 takes a layer number from 1 to %2
</source>
            <translation>layerlens-cli diff : --%1 prend un numéro de couche de 1 à %2
</translation>
        </message>
        <message>
            <source>layerlens-cli diff: %1 (%2): %3 layer(s) failed verification, so the comparison is incomplete
</source>
            <translation>layerlens-cli diff : %1 (%2) : %3 couche(s) en échec de vérification, la comparaison est donc incomplète
</translation>
        </message>
        <message>
            <source>layerlens-cli diff: expected two images, A and B, got %1
</source>
            <translation>layerlens-cli diff : deux images attendues, A et B, reçu : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli: --tls-verify takes true or false, not "%1"
</source>
            <translation>layerlens-cli : --tls-verify prend true ou false, pas « %1 »
</translation>
        </message>
        <message>
            <source>layerlens-cli: --max-ratio expects a whole number (0 for no limit), got "%1"
</source>
            <translation>layerlens-cli : --max-ratio attend un nombre entier (0 pour aucune limite), reçu « %1 »
</translation>
        </message>
        <message>
            <source>layerlens-cli images: unknown action "%1" (ls, pull, push, import, rm, prune)
</source>
            <translation>layerlens-cli images : action inconnue « %1 » (ls, pull, push, import, rm, prune)
</translation>
        </message>
        <message>
            <source>layerlens-cli: %1
</source>
            <translation>layerlens-cli : %1
</translation>
        </message>
        <message>
            <source>#%1 cache miss: %2
</source>
            <translation>#%1 reconstruite : %2
</translation>
        </message>
        <message>
            <source>#%1 layer %2 (%3)
</source>
            <translation>#%1 couche %2 (%3)
</translation>
        </message>
        <message>
            <source>canceled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <source>%1%2
  manifest %3%4
  %5
</source>
            <translation>%1%2
  manifeste %3%4
  %5
</translation>
        </message>
        <message>
            <source>, index %1</source>
            <translation>, index %1</translation>
        </message>
        <message>
            <source>LayerLens (its own figure, not dive's):
  hidden by later layers: %1 bytes (%2) in %3 files
  file bytes the layers store that the final filesystem does not show, counted per file wherever
  it was replaced or removed; dive counts a folder removed with its files once and counts the copy that stays.

</source>
            <translation>LayerLens (son propre chiffre, pas celui de dive) :
  masqué par les couches suivantes : %1 octets (%2) dans %3 fichiers
  les octets de fichiers que stockent les couches et que le système de fichiers final ne montre pas, comptés
  par fichier partout où il a été remplacé ou supprimé ; dive compte une fois un dossier supprimé avec ses fichiers
  et compte la copie qui reste.

</translation>
        </message>
        <message>
            <source>--ignore-file needs a file name</source>
            <translation>--ignore-file attend un nom de fichier</translation>
        </message>
        <message>
            <source>--build-arg needs NAME=VALUE</source>
            <translation>--build-arg attend NOM=VALEUR</translation>
        </message>
        <message>
            <source>only one Dockerfile can be checked at a time</source>
            <translation>un seul Dockerfile peut être vérifié à la fois</translation>
        </message>
        <message>
            <source>no Dockerfile given</source>
            <translation>aucun Dockerfile indiqué</translation>
        </message>
        <message>
            <source>--build-arg "%1": expected NAME=VALUE</source>
            <translation>--build-arg « %1 » : NOM=VALEUR attendu</translation>
        </message>
        <message>
            <source>unknown option "%1"</source>
            <translation>option inconnue « %1 »</translation>
        </message>
        <message>
            <source>"%1" is a directory, not a Dockerfile</source>
            <translation>« %1 » est un dossier, pas un Dockerfile</translation>
        </message>
        <message>
            <source>cannot read "%1": %2</source>
            <translation>impossible de lire « %1 » : %2</translation>
        </message>
        <message>
            <source>layerlens-cli sample: unknown --format "%1"
</source>
            <translation>layerlens-cli sample : --format « %1 » inconnu
</translation>
        </message>
        <message>
            <source>layerlens-cli: %1 from %2%3
</source>
            <translation>layerlens-cli : %1 depuis %2%3
</translation>
        </message>
        <message>
            <source>%1 from %2</source>
            <translation>%1 depuis %2</translation>
        </message>
        <message>
            <source>layerlens-cli %1: %2
</source>
            <translation>layerlens-cli %1 : %2
</translation>
        </message>
        <message>
            <source>layerlens-cli build: %1
</source>
            <translation>layerlens-cli build : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli build: --%1: %2
</source>
            <translation>layerlens-cli build : --%1 : %2
</translation>
        </message>
        <message>
            <source>layerlens-cli build: --network: %1
</source>
            <translation>layerlens-cli build : --network : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli cache prune: %1
</source>
            <translation>layerlens-cli cache prune : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli cache: %1
</source>
            <translation>layerlens-cli cache : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli ci: %1
</source>
            <translation>layerlens-cli ci : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli ci: %1: %2
</source>
            <translation>layerlens-cli ci : %1 : %2
</translation>
        </message>
        <message>
            <source>layerlens-cli copy: %1
</source>
            <translation>layerlens-cli copy : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli images %1: %2
</source>
            <translation>layerlens-cli images %1 : %2
</translation>
        </message>
        <message>
            <source>layerlens-cli lint: %1
</source>
            <translation>layerlens-cli lint : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli lint: %1

%2</source>
            <translation>layerlens-cli lint : %1

%2</translation>
        </message>
        <message>
            <source>layerlens-cli sample: %1
</source>
            <translation>layerlens-cli sample : %1
</translation>
        </message>
        <message>
            <source>layerlens-cli: %1: %2
</source>
            <translation>layerlens-cli : %1 : %2
</translation>
        </message>
        <message>
            <source>Image %1 (%2 layers)
</source>
            <translation>Image %1 (%2 couches)
</translation>
        </message>
        <message>
            <source>Image %1 (%2 layers), rules from %3
</source>
            <translation>Image %1 (%2 couches), règles lues dans %3
</translation>
        </message>
    </context>
    <context>
        <name>gui::SampleProject</name>
        <message>
            <source>no OCI runtime to run its RUN step (sudo apt install runc)</source>
            <translation>aucun runtime OCI pour exécuter son étape RUN (sudo apt install runc)</translation>
        </message>
        <message>
            <source>no shell for its RUN step (sudo apt install busybox-static)</source>
            <translation>aucun shell pour son étape RUN (sudo apt install busybox-static)</translation>
        </message>
    </context>
    <context>
        <name>ll</name>
        <message>
            <source>cannot open: %1</source>
            <translation>impossible d'ouvrir : %1</translation>
        </message>
        <message>
            <source>the file is truncated: %1 needs bytes up to %2, the file has %3</source>
            <translation>le fichier est tronqué : %1 a besoin des octets jusqu'à %2, le fichier en a %3</translation>
        </message>
        <message>
            <source>unexpected end of %1</source>
            <translation>fin inattendue de %1</translation>
        </message>
        <message>
            <source>read failed: %1</source>
            <translation>échec de lecture : %1</translation>
        </message>
        <message>
            <source>unexpected end of file in %1</source>
            <translation>fin de fichier inattendue dans %1</translation>
        </message>
        <message>
            <source>seek outside %1</source>
            <translation>positionnement hors de %1</translation>
        </message>
        <message>
            <source>stopped after %1 of decompressed data, %2</source>
            <translation>arrêté après %1 de données décompressées, %2</translation>
        </message>
        <message>
            <source>cannot decompress %1 data: %2</source>
            <translation>impossible de décompresser des données %1 : %2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>the layer blob is empty (0 bytes), not a tar archive</source>
            <translation>le blob de la couche est vide (0 octet), ce n'est pas une archive tar</translation>
        </message>
        <message>
            <source>more than %1 entries in one layer</source>
            <translation>plus de %1 entrées dans une seule couche</translation>
        </message>
        <message>
            <source>not a tar archive or OCI layout folder (%1)</source>
            <translation>ni une archive tar, ni un dossier OCI (%1)</translation>
        </message>
        <message>
            <source>the archive is %1-compressed; LayerLens reads image archives in place, so decompress it first (for example: %1 -dk FILE)</source>
            <translation>l'archive est compressée en %1 ; LayerLens lit les archives d'images sur place, décompressez-la d'abord (par exemple : %1 -dk FICHIER)</translation>
        </message>
        <message>
            <source>the archive is damaged or truncated: %1</source>
            <translation>l'archive est abîmée ou tronquée : %1</translation>
        </message>
        <message>
            <source>member "%1" points outside the archive</source>
            <translation>le membre « %1 » pointe hors de l'archive</translation>
        </message>
        <message>
            <source>more than %1 members: not an image archive</source>
            <translation>plus de %1 membres : ce n'est pas une archive d'image</translation>
        </message>
        <message>
            <source>the archive is truncated inside "%1"</source>
            <translation>l'archive est tronquée à l'intérieur de « %1 »</translation>
        </message>
        <message>
            <source> (at byte %1)</source>
            <translation> (à l'octet %1)</translation>
        </message>
        <message>
            <source>canceled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <source>a descriptor must be an object, found %1</source>
            <translation>un descripteur doit être un objet, trouvé : %1</translation>
        </message>
        <message>
            <source>indexes nested more than %1 deep</source>
            <translation>des index imbriqués sur plus de %1 niveaux</translation>
        </message>
        <message>
            <source>manifests: expected an array, found %1</source>
            <translation>manifests : un tableau attendu, trouvé : %1</translation>
        </message>
        <message>
            <source>more than %1 descriptors</source>
            <translation>plus de %1 descripteurs</translation>
        </message>
        <message>
            <source>manifest.json lists no images</source>
            <translation>manifest.json ne liste aucune image</translation>
        </message>
        <message>
            <source>manifest.json lists more than %1 images</source>
            <translation>manifest.json liste plus de %1 images</translation>
        </message>
        <message>
            <source>this is a pre-1.10 docker save (repositories and &lt;id&gt;/json only, no manifest.json); its layers carry no content digests. Re-save it with a newer docker, or with skopeo copy docker-archive:IN docker-archive:OUT</source>
            <translation>c'est un docker save d'avant la version 1.10 (repositories et &lt;id&gt;/json seulement, pas de manifest.json) ; ses couches n'ont pas d'empreinte de contenu. Enregistrez-la de nouveau avec un docker plus récent, ou avec skopeo copy docker-archive:ENTRÉE docker-archive:SORTIE</translation>
        </message>
        <message>
            <source>not a container image: found neither index.json (OCI) nor manifest.json (docker save)</source>
            <translation>ce n'est pas une image de conteneur : ni index.json (OCI), ni manifest.json (docker save)</translation>
        </message>
        <message>
            <source>the image index lists no usable image manifest</source>
            <translation>l'index de l'image ne liste aucun manifeste d'image utilisable</translation>
        </message>
        <message>
            <source>no image matches%1%2; this source holds:
%3</source>
            <translation>aucune image ne correspond à%1%2 ; cette source contient :
%3</translation>
        </message>
        <message>
            <source>this source holds %1 images; choose one with --image REF (a name, a digest or #N) or --platform OS/ARCH:
%2</source>
            <translation>cette source contient %1 images ; choisissez-en une avec --image REF (un nom, une empreinte ou #N) ou --platform OS/ARCH :
%2</translation>
        </message>
        <message>
            <source>an empty file name</source>
            <translation>un nom de fichier vide</translation>
        </message>
        <message>
            <source>"%1" is an absolute path; an image may only refer to its own files</source>
            <translation>« %1 » est un chemin absolu ; une image ne peut désigner que ses propres fichiers</translation>
        </message>
        <message>
            <source>"%1" points outside the image</source>
            <translation>« %1 » pointe hors de l'image</translation>
        </message>
        <message>
            <source>no such file or folder</source>
            <translation>aucun fichier ni dossier de ce nom</translation>
        </message>
        <message>
            <source>"%1" is missing from the archive</source>
            <translation>« %1 » manque dans l'archive</translation>
        </message>
        <message>
            <source>"%1" is a link that points outside the archive</source>
            <translation>« %1 » est un lien qui pointe hors de l'archive</translation>
        </message>
        <message>
            <source>"%1": too many levels of links</source>
            <translation>« %1 » : trop de niveaux de liens</translation>
        </message>
        <message>
            <source>"%1" is missing from the folder</source>
            <translation>« %1 » manque dans le dossier</translation>
        </message>
        <message>
            <source>"%1" is a link that points outside the folder</source>
            <translation>« %1 » est un lien qui pointe hors du dossier</translation>
        </message>
        <message>
            <source>"%1" is not a regular file</source>
            <translation>« %1 » n'est pas un fichier ordinaire</translation>
        </message>
        <message>
            <source>"%1" is %2 bytes; refusing to read more than %3 bytes of metadata</source>
            <translation>« %1 » fait %2 octets ; refus de lire plus de %3 octets de métadonnées</translation>
        </message>
        <message>
            <source>invalid JSON: %1</source>
            <translation>JSON invalide : %1</translation>
        </message>
        <message>
            <source>expected a JSON object at the top</source>
            <translation>un objet JSON attendu au premier niveau</translation>
        </message>
        <message>
            <source>expected a JSON array at the top</source>
            <translation>un tableau JSON attendu au premier niveau</translation>
        </message>
        <message>
            <source>%1: expected a string, found %2</source>
            <translation>%1 : une chaîne attendue, trouvé : %2</translation>
        </message>
        <message>
            <source>expected an array of strings, found %1</source>
            <translation>un tableau de chaînes attendu, trouvé : %1</translation>
        </message>
        <message>
            <source>expected an array of strings, found %1 inside</source>
            <translation>un tableau de chaînes attendu, trouvé à l'intérieur : %1</translation>
        </message>
        <message>
            <source>%1: give the image as repository:tag (%2)</source>
            <translation>%1 : donnez l'image sous la forme dépôt:tag (%2)</translation>
        </message>
        <message>
            <source>cannot create the image store</source>
            <translation>impossible de créer le magasin d'images</translation>
        </message>
        <message>
            <source>cannot write: %1</source>
            <translation>impossible d'écrire : %1</translation>
        </message>
        <message>
            <source>--pull takes missing, always or never, not "%1"</source>
            <translation>--pull prend missing, always ou never, pas « %1 »</translation>
        </message>
        <message>
            <source>"%1" is not in the local image store (%2)</source>
            <translation>« %1 » n'est pas dans le magasin d'images local (%2)</translation>
        </message>
        <message>
            <source>%1 names a registry but pulling is turned off (--pull never)</source>
            <translation>%1 désigne un registre, mais le pull est désactivé (--pull never)</translation>
        </message>
        <message>
            <source>"%1" is neither a file nor a folder, and not an image reference (%2)</source>
            <translation>« %1 » n'est ni un fichier, ni un dossier, ni une référence d'image (%2)</translation>
        </message>
        <message>
            <source>"%1" is not in the local image store (%2)%3, and pulling is turned off</source>
            <translation>« %1 » n'est pas dans le magasin d'images local (%2)%3, et le pull est désactivé</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>inchangé</translation>
        </message>
        <message>
            <source>added</source>
            <translation>ajouté</translation>
        </message>
        <message>
            <source>modified</source>
            <translation>modifié</translation>
        </message>
        <message>
            <source>attributes</source>
            <translation>attributs</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>supprimé</translation>
        </message>
        <message>
            <source>not stated</source>
            <translation>non indiquée</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>vérifiée</translation>
        </message>
        <message>
            <source>MISMATCH</source>
            <translation>DIFFÉRENTE</translation>
        </message>
        <message>
            <source>not read</source>
            <translation>non calculée</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>unknown instruction: %1 (expected one of %2)</source>
            <translation>instruction inconnue : %1 (instructions possibles : %2)</translation>
        </message>
        <message>
            <source>unknown flag --%1 for %2 (expected: %3)</source>
            <translation>option inconnue --%1 pour %2 (options possibles : %3)</translation>
        </message>
        <message>
            <source>flag --%1 expects true or false, not "%2"</source>
            <translation>l'option --%1 attend true ou false, pas « %2 »</translation>
        </message>
        <message>
            <source>missing a value on flag --%1 (expected --%1=VALUE)</source>
            <translation>valeur manquante pour l'option --%1 (attendu : --%1=VALEUR)</translation>
        </message>
        <message>
            <source>duplicate flag --%1: it may be given only once</source>
            <translation>option --%1 en double : elle ne peut être donnée qu'une fois</translation>
        </message>
        <message>
            <source>SHELL requires the arguments in JSON form, e.g. SHELL ["/bin/sh", "-c"]</source>
            <translation>SHELL exige ses arguments sous forme JSON, par exemple SHELL ["/bin/sh", "-c"]</translation>
        </message>
        <message>
            <source>FROM takes an image and optionally AS name: FROM image [AS name]</source>
            <translation>FROM prend une image et, facultativement, AS nom : FROM image [AS nom]</translation>
        </message>
        <message>
            <source>expected AS after the image name, found "%1"</source>
            <translation>AS attendu après le nom de l'image, trouvé : « %1 »</translation>
        </message>
        <message>
            <source>invalid stage name "%1": it must start with a letter and hold only letters, digits, '-', '_' and '.'</source>
            <translation>nom de stage « %1 » invalide : il doit commencer par une lettre et ne contenir que des lettres, des chiffres, '-', '_' et '.'</translation>
        </message>
        <message>
            <source>a JSON array in %1 must hold only strings</source>
            <translation>un tableau JSON dans %1 ne doit contenir que des chaînes</translation>
        </message>
        <message>
            <source>%1 %2 has no value: write %1 %2=value</source>
            <translation>%1 %2 n'a pas de valeur : écrivez %1 %2=valeur</translation>
        </message>
        <message>
            <source>expected name=value, found "%1"</source>
            <translation>nom=valeur attendu, trouvé : « %1 »</translation>
        </message>
        <message>
            <source>%1 names can not be blank</source>
            <translation>dans %1, les noms ne peuvent pas être vides</translation>
        </message>
        <message>
            <source>HEALTHCHECK NONE takes no arguments</source>
            <translation>HEALTHCHECK NONE ne prend aucun argument</translation>
        </message>
        <message>
            <source>unknown type "%1" in HEALTHCHECK (expected CMD or NONE)</source>
            <translation>type « %1 » inconnu dans HEALTHCHECK (attendu : CMD ou NONE)</translation>
        </message>
        <message>
            <source>HEALTHCHECK CMD needs a command</source>
            <translation>HEALTHCHECK CMD a besoin d'une commande</translation>
        </message>
        <message>
            <source>%1 isn't allowed as an ONBUILD trigger</source>
            <translation>%1 n'est pas autorisé comme déclencheur ONBUILD</translation>
        </message>
        <message>
            <source>%1 requires at least two arguments (sources and a destination)</source>
            <translation>%1 exige au moins deux arguments (des sources et une destination)</translation>
        </message>
        <message>
            <source>%1 needs a destination after the heredoc</source>
            <translation>%1 a besoin d'une destination après le heredoc</translation>
        </message>
        <message>
            <source>SHELL requires at least one argument</source>
            <translation>SHELL exige au moins un argument</translation>
        </message>
        <message>
            <source>ONBUILD requires an instruction to register, e.g. ONBUILD RUN make</source>
            <translation>ONBUILD exige une instruction à enregistrer, par exemple ONBUILD RUN make</translation>
        </message>
        <message>
            <source>%1 requires at least one argument</source>
            <translation>%1 exige au moins un argument</translation>
        </message>
        <message>
            <source>heredoc &lt;&lt;%1 is not terminated: expected a line holding only "%1"</source>
            <translation>le heredoc &lt;&lt;%1 n'est pas terminé : une ligne contenant seulement « %1 » est attendue</translation>
        </message>
        <message>
            <source>%1 before the first FROM: only ARG may come before FROM (no build stage yet)</source>
            <translation>%1 avant le premier FROM : seul ARG peut précéder FROM (pas encore de stage de build)</translation>
        </message>
        <message>
            <source>only one %1 parser directive can be used</source>
            <translation>une seule directive d'analyseur %1 peut être utilisée</translation>
        </message>
        <message>
            <source>invalid escape token '%1': expected ` or \</source>
            <translation>caractère d'échappement '%1' invalide : ` ou \ attendu</translation>
        </message>
        <message>
            <source>missing '%1'</source>
            <translation>'%1' manquant</translation>
        </message>
        <message>
            <source>unexpected end of statement while looking for matching single-quote</source>
            <translation>fin d'instruction inattendue en cherchant le guillemet simple fermant</translation>
        </message>
        <message>
            <source>unexpected end of statement while looking for matching double-quote</source>
            <translation>fin d'instruction inattendue en cherchant le guillemet double fermant</translation>
        </message>
        <message>
            <source>bad substitution: expected a variable name after '${'</source>
            <translation>substitution incorrecte : nom de variable attendu après '${'</translation>
        </message>
        <message>
            <source>missing '}'</source>
            <translation>'}' manquant</translation>
        </message>
        <message>
            <source>is not allowed to be unset</source>
            <translation>ne doit pas être indéfinie</translation>
        </message>
        <message>
            <source>unsupported modifier (%1%2) in substitution</source>
            <translation>modificateur (%1%2) non pris en charge dans la substitution</translation>
        </message>
        <message>
            <source>the Dockerfile has no FROM instruction, so there is nothing to build</source>
            <translation>le Dockerfile n'a aucune instruction FROM : il n'y a rien à construire</translation>
        </message>
        <message>
            <source>no build stage named "%1" (stages: %2)</source>
            <translation>aucun stage de build nommé « %1 » (stages : %2)</translation>
        </message>
        <message>
            <source>none named</source>
            <translation>aucun n'a de nom</translation>
        </message>
        <message numerus="yes">
            <source>the Dockerfile has %n syntax error(s); the first: %1</source>
            <translation>
                <numerusform>le Dockerfile contient %n erreur de syntaxe ; la première : %1</numerusform>
                <numerusform>le Dockerfile contient %n erreurs de syntaxe ; la première : %1</numerusform>
            </translation>
        </message>
        <message>
            <source>stage "%1" depends on itself through COPY --from or FROM</source>
            <translation>le stage « %1 » dépend de lui-même par COPY --from ou FROM</translation>
        </message>
        <message>
            <source>failed to parse check options "%1": expected skip=…, experimental=… or error=true|false, separated by ';'</source>
            <translation>impossible d'analyser les options de check « %1 » : skip=…, experimental=… ou error=true|false attendus, séparés par ';'</translation>
        </message>
        <message>
            <source>cannot read the %1: %2</source>
            <translation>impossible de lire le %1 : %2</translation>
        </message>
        <message>
            <source>cannot read cache blob %1: %2</source>
            <translation>impossible de lire le blob %1 du cache : %2</translation>
        </message>
        <message>
            <source>cache blob %1 is damaged (digest mismatch); it was removed, build again</source>
            <translation>le blob %1 du cache est abîmé (empreinte différente) ; il a été supprimé, relancez le build</translation>
        </message>
        <message>
            <source>the build plan has stages that wait on each other</source>
            <translation>le plan de build contient des stages qui s'attendent mutuellement</translation>
        </message>
        <message>
            <source>manifest %1, config %2</source>
            <translation>manifeste %1, config %2</translation>
        </message>
        <message>
            <source>the build context is not a folder</source>
            <translation>le contexte de build n'est pas un dossier</translation>
        </message>
        <message>
            <source>warning: cache %1 not used: %2</source>
            <translation>avertissement : cache %1 non utilisé : %2</translation>
        </message>
        <message>
            <source>cache %1: %2 step records</source>
            <translation>cache %1 : %2 enregistrements d'étapes</translation>
        </message>
        <message>
            <source>warning: build arg %1 was given but no stage that is built declares it</source>
            <translation>avertissement : l'argument de build %1 a été donné, mais aucun stage construit ne le déclare</translation>
        </message>
        <message>
            <source>RUN runtime: %1; network: %2</source>
            <translation>runtime des RUN : %1 ; réseau : %2</translation>
        </message>
        <message>
            <source>user namespace: %1</source>
            <translation>espace de noms utilisateur : %1</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>avertissement : %1</translation>
        </message>
        <message>
            <source>cache %1: %2 of layers downloaded</source>
            <translation>cache %1 : couches téléchargées (%2)</translation>
        </message>
        <message>
            <source>%1 is not in the local image store, and --pull never: the build will fail</source>
            <translation>%1 n'est pas dans le magasin d'images local et --pull never est demandé : le build échouera</translation>
        </message>
        <message>
            <source>%1 is not in the local image store yet; the build will fetch it</source>
            <translation>%1 n'est pas encore dans le magasin d'images local ; le build ira la chercher</translation>
        </message>
        <message>
            <source>FROM %1: %2 from %3</source>
            <translation>FROM %1 : %2 depuis %3</translation>
        </message>
        <message>
            <source>the remote cache %1 has the step but its layer could not be fetched: %2</source>
            <translation>le cache distant %1 contient l'étape, mais sa couche n'a pas pu être récupérée : %2</translation>
        </message>
        <message>
            <source>%1 (new: "%2")</source>
            <translation>%1 (nouveau : « %2 »)</translation>
        </message>
        <message>
            <source>%1 (added)</source>
            <translation>%1 (ajouté)</translation>
        </message>
        <message>
            <source>%1 ("%2" → "%3")</source>
            <translation>%1 (« %2 » → « %3 »)</translation>
        </message>
        <message>
            <source>%1 (modified)</source>
            <translation>%1 (modifié)</translation>
        </message>
        <message>
            <source>%1 (no longer set)</source>
            <translation>%1 (n'est plus défini)</translation>
        </message>
        <message>
            <source>%1 (removed)</source>
            <translation>%1 (supprimé)</translation>
        </message>
        <message>
            <source>no work folder for the %1 step of %2 (a dry run writes nothing)</source>
            <translation>aucun dossier de travail pour l'étape %1 de %2 (une simulation n'écrit rien)</translation>
        </message>
        <message>
            <source>cannot open the work folder</source>
            <translation>impossible d'ouvrir le dossier de travail</translation>
        </message>
        <message>
            <source>from the remote cache %1</source>
            <translation>depuis le cache distant %1</translation>
        </message>
        <message>
            <source>layer %1</source>
            <translation>couche %1</translation>
        </message>
        <message>
            <source>warning: layer %1: %2</source>
            <translation>avertissement : couche %1 : %2</translation>
        </message>
        <message>
            <source>a RUN here-document that starts with #! (run by its own interpreter, as BuildKit does from a file) is not supported yet; write `RUN &lt;&lt;EOF interpreter`</source>
            <translation>un here-document de RUN qui commence par #! (exécuté par son propre interpréteur, comme BuildKit le fait depuis un fichier) n'est pas encore pris en charge ; écrivez `RUN &lt;&lt;EOF interpréteur`</translation>
        </message>
        <message>
            <source>USER %1: %2</source>
            <translation>USER %1 : %2</translation>
        </message>
        <message>
            <source>USER %1 (%2:%3) has no id in this rootless build: %4</source>
            <translation>USER %1 (%2:%3) n'a pas d'identifiant dans ce build sans root : %4</translation>
        </message>
        <message>
            <source>RUN --network=%1: give default, none or host</source>
            <translation>RUN --network=%1 : indiquez default, none ou host</translation>
        </message>
        <message>
            <source>RUN --network=host needs the network.host entitlement: build with --allow network.host (or --network host)</source>
            <translation>RUN --network=host a besoin du droit network.host : lancez le build avec --allow network.host (ou --network host)</translation>
        </message>
        <message>
            <source>RUN --%1 is not supported yet</source>
            <translation>RUN --%1 n'est pas encore pris en charge</translation>
        </message>
        <message>
            <source>cannot RUN: %1</source>
            <translation>impossible d'exécuter RUN : %1</translation>
        </message>
        <message>
            <source>process "%1" did not complete successfully: exit code %2%3</source>
            <translation>le processus « %1 » ne s'est pas terminé correctement : code de sortie %2%3</translation>
        </message>
        <message>
            <source>
last output:
  %1</source>
            <translation>
dernières lignes de sortie :
  %1</translation>
        </message>
        <message>
            <source>ADD %1: only http://, https:// and git repository URLs are supported</source>
            <translation>ADD %1 : seules les URL http://, https:// et de dépôt Git sont prises en charge</translation>
        </message>
        <message>
            <source>ADD: a git repository must be the only source of its ADD</source>
            <translation>ADD : un dépôt Git doit être la seule source de son ADD</translation>
        </message>
        <message>
            <source>ADD: URLs and files of the context in one ADD are not supported; write one ADD for each</source>
            <translation>ADD : des URL et des fichiers du contexte dans un même ADD ne sont pas pris en charge ; écrivez un ADD pour chacun</translation>
        </message>
        <message>
            <source>ADD --from cannot be used with a URL</source>
            <translation>ADD --from ne peut pas servir avec une URL</translation>
        </message>
        <message>
            <source>ADD --checksum is only for an http:// or https:// source</source>
            <translation>ADD --checksum ne vaut que pour une source http:// ou https://</translation>
        </message>
        <message>
            <source>ADD --keep-git-dir is only for a git repository</source>
            <translation>ADD --keep-git-dir ne vaut que pour un dépôt Git</translation>
        </message>
        <message>
            <source>--chown=%1: %2</source>
            <translation>--chown=%1 : %2</translation>
        </message>
        <message>
            <source>--chmod=%1: give an octal mode such as 0755</source>
            <translation>--chmod=%1 : indiquez un mode octal comme 0755</translation>
        </message>
        <message>
            <source>cannot read</source>
            <translation>impossible de lire</translation>
        </message>
        <message>
            <source>%1%2 --from=%3: stage "%3" is not built yet</source>
            <translation>%1%2 --from=%3 : le stage « %3 » n'est pas encore construit</translation>
        </message>
        <message>
            <source>stage "%1"</source>
            <translation>stage « %1 »</translation>
        </message>
        <message>
            <source>ADD --checksum=%1: give sha256:&lt;64 hex digits&gt;</source>
            <translation>ADD --checksum=%1 : indiquez sha256:&lt;64 chiffres hexadécimaux&gt;</translation>
        </message>
        <message>
            <source>ADD: two URLs give the same file name %1</source>
            <translation>ADD : deux URL donnent le même nom de fichier %1</translation>
        </message>
        <message>
            <source>cannot stage the download of %1</source>
            <translation>impossible de copier le fichier téléchargé %1 dans le dossier de l'étape</translation>
        </message>
        <message>
            <source>FROM cannot be a trigger: a trigger runs inside the stage that names the image</source>
            <translation>FROM ne peut pas être un déclencheur : un déclencheur s'exécute dans le stage qui nomme l'image</translation>
        </message>
        <message>
            <source>ONBUILD cannot be a trigger: triggers are not chained</source>
            <translation>ONBUILD ne peut pas être un déclencheur : les déclencheurs ne s'enchaînent pas</translation>
        </message>
        <message>
            <source>MAINTAINER cannot be a trigger</source>
            <translation>MAINTAINER ne peut pas être un déclencheur</translation>
        </message>
        <message>
            <source>"%1" is not a Dockerfile instruction</source>
            <translation>« %1 » n'est pas une instruction de Dockerfile</translation>
        </message>
        <message>
            <source>ONBUILD trigger %1 of %2 ("%3") cannot be read: %4</source>
            <translation>le déclencheur ONBUILD %1 de %2 (« %3 ») est illisible : %4</translation>
        </message>
        <message>
            <source>ONBUILD trigger %1 of %2 ("%3") must be a single instruction</source>
            <translation>le déclencheur ONBUILD %1 de %2 (« %3 ») ne doit contenir qu'une seule instruction</translation>
        </message>
        <message>
            <source>ONBUILD trigger %1 of %2 ("%3") is not an instruction that can be triggered: %4</source>
            <translation>le déclencheur ONBUILD %1 de %2 (« %3 ») n'est pas une instruction qui peut être déclenchée : %4</translation>
        </message>
        <message>
            <source>ONBUILD trigger %1 of %2 ("%3") cannot be expanded: it does not read as one stage of one instruction</source>
            <translation>le déclencheur ONBUILD %1 de %2 (« %3 ») ne peut pas être développé : il ne se lit pas comme un stage d'une seule instruction</translation>
        </message>
        <message>
            <source>ONBUILD trigger %1 of %2 ("%3"): %4</source>
            <translation>déclencheur ONBUILD %1 de %2 (« %3 ») : %4</translation>
        </message>
        <message>
            <source>the stages that ONBUILD triggers read do not settle into a build plan</source>
            <translation>les stages lus par les déclencheurs ONBUILD n'aboutissent pas à un plan de build stable</translation>
        </message>
        <message>
            <source>cannot read the Dockerfile: %1</source>
            <translation>impossible de lire le Dockerfile : %1</translation>
        </message>
        <message>
            <source>--output "%1": use oci:DIR, oci-archive:FILE or docker-archive:FILE</source>
            <translation>--output « %1 » : utilisez oci:DOSSIER, oci-archive:FICHIER ou docker-archive:FICHIER</translation>
        </message>
        <message>
            <source>--output "%1" names no path</source>
            <translation>--output « %1 » n'indique aucun chemin</translation>
        </message>
        <message>
            <source>cannot read the cached layer</source>
            <translation>impossible de lire la couche en cache</translation>
        </message>
        <message>
            <source>the cached layer is shorter than it was</source>
            <translation>la couche en cache a été tronquée</translation>
        </message>
        <message>
            <source>cannot copy the cached layer</source>
            <translation>impossible de copier la couche en cache</translation>
        </message>
        <message>
            <source>give the name of an image to remove</source>
            <translation>donnez le nom d'une image à supprimer</translation>
        </message>
        <message>
            <source>"%1" begins %2 images' digests (%3): give more of the digest</source>
            <translation>« %1 » correspond au début de l'empreinte de %2 images (%3) : donnez davantage de caractères de l'empreinte</translation>
        </message>
        <message>
            <source>no image "%1" in the local image store</source>
            <translation>aucune image « %1 » dans le magasin d'images local</translation>
        </message>
        <message>
            <source>(damaged: the manifest names no valid config)</source>
            <translation>(abîmée : le manifeste ne désigne aucune configuration valide)</translation>
        </message>
        <message>
            <source>image %1: layer %2 (%3) does not match its config: rootfs.diff_ids[%2] is %4 but the layer's uncompressed content is %5; the image is damaged or was altered, import or build it again</source>
            <translation>image %1 : la couche %2 (%3) ne correspond pas à sa configuration : rootfs.diff_ids[%2] vaut %4, mais le contenu décompressé de la couche est %5 ; l'image est abîmée ou a été modifiée, importez-la ou construisez-la de nouveau</translation>
        </message>
        <message>
            <source>image %1: the config has no valid rootfs.diff_ids[%2]</source>
            <translation>image %1 : la configuration n'a pas de rootfs.diff_ids[%2] valide</translation>
        </message>
        <message>
            <source>layer blob digest mismatch: expected %1, got %2</source>
            <translation>l'empreinte du blob de la couche ne correspond pas : %1 attendue, %2 obtenue</translation>
        </message>
        <message>
            <source>image %1: %2 layers but %3 rootfs.diff_ids</source>
            <translation>image %1 : %2 couches, mais %3 rootfs.diff_ids</translation>
        </message>
        <message>
            <source>cannot create the cache folder</source>
            <translation>impossible de créer le dossier du cache</translation>
        </message>
        <message>
            <source>cannot lock the cache: %1</source>
            <translation>impossible de verrouiller le cache : %1</translation>
        </message>
        <message>
            <source>cannot write to the cache: %1</source>
            <translation>impossible d'écrire dans le cache : %1</translation>
        </message>
        <message>
            <source>the cache has no blob %1</source>
            <translation>le cache n'a pas de blob %1</translation>
        </message>
        <message>
            <source>the cache record is damaged</source>
            <translation>l'enregistrement du cache est abîmé</translation>
        </message>
        <message>
            <source>the cached layer %1 is missing or damaged</source>
            <translation>la couche en cache %1 manque ou est abîmée</translation>
        </message>
        <message>
            <source>not in the cache</source>
            <translation>absent du cache</translation>
        </message>
        <message>
            <source>damaged cache file: %1</source>
            <translation>fichier du cache abîmé : %1</translation>
        </message>
        <message>
            <source>pruning needs the cache's exclusive lock</source>
            <translation>le nettoyage demande le verrou exclusif du cache</translation>
        </message>
        <message>
            <source>cannot write the RUN's /etc/%1</source>
            <translation>impossible d'écrire le /etc/%1 du RUN</translation>
        </message>
        <message>
            <source>cannot make a pipe for slirp4netns</source>
            <translation>impossible de créer un tube pour slirp4netns</translation>
        </message>
        <message>
            <source>it did not say it was ready</source>
            <translation>il n'a pas signalé qu'il était prêt</translation>
        </message>
        <message>
            <source>%1 (it needs /dev/net/tun, which Debian makes usable by every user: mode 0666)</source>
            <translation>%1 (il a besoin de /dev/net/tun, que Debian rend utilisable par tous les utilisateurs : mode 0666)</translation>
        </message>
        <message>
            <source>slirp4netns could not give RUN a network: %1</source>
            <translation>slirp4netns n'a pas pu donner de réseau à RUN : %1</translation>
        </message>
        <message>
            <source>none (RUN has only a loopback interface)</source>
            <translation>none (RUN n'a qu'une interface loopback)</translation>
        </message>
        <message>
            <source>host (RUN uses this machine's network namespace)</source>
            <translation>host (RUN utilise l'espace de noms réseau de cette machine)</translation>
        </message>
        <message>
            <source>default, but slirp4netns is not installed (apt-get install slirp4netns): RUN fails unless it says --network=none or host</source>
            <translation>default, mais slirp4netns n'est pas installé (apt-get install slirp4netns) : RUN échoue, sauf s'il indique --network=none ou host</translation>
        </message>
        <message>
            <source>default (a network namespace of its own, connected by slirp4netns; DNS %1, this machine's loopback is %2 = host.docker.internal)</source>
            <translation>default (son propre espace de noms réseau, relié par slirp4netns ; DNS %1, le loopback de cette machine est %2 = host.docker.internal)</translation>
        </message>
        <message>
            <source>rootless</source>
            <translation>sans root</translation>
        </message>
        <message>
            <source>running as root</source>
            <translation>exécuté en tant que root</translation>
        </message>
        <message>
            <source>crun (%1, cgroup v2)</source>
            <translation>crun (%1, cgroup v2)</translation>
        </message>
        <message>
            <source>runc (%1)</source>
            <translation>runc (%1)</translation>
        </message>
        <message>
            <source>runc (%1; crun skipped: it fails on hybrid cgroups)</source>
            <translation>runc (%1 ; crun écarté : il échoue avec les cgroups hybrides)</translation>
        </message>
        <message>
            <source>bwrap (no runc or crun found)</source>
            <translation>bwrap (ni runc ni crun trouvé)</translation>
        </message>
        <message>
            <source>no OCI runtime found: install runc (apt-get install runc)</source>
            <translation>aucun runtime OCI trouvé : installez runc (apt-get install runc)</translation>
        </message>
        <message>
            <source>RUN needs root or a user namespace, and there is none: %1</source>
            <translation>RUN a besoin de root ou d'un espace de noms utilisateur, et il n'y en a aucun : %1</translation>
        </message>
        <message>
            <source>RUN as a non-root USER needs runc or crun (bwrap cannot switch user here)</source>
            <translation>RUN avec un USER autre que root a besoin de runc ou de crun (bwrap ne peut pas changer d'utilisateur ici)</translation>
        </message>
        <message>
            <source>RUN's default network needs slirp4netns (apt-get install slirp4netns); or build with --network=none or --network=host</source>
            <translation>le réseau par défaut de RUN a besoin de slirp4netns (apt-get install slirp4netns) ; sinon, lancez le build avec --network=none ou --network=host</translation>
        </message>
        <message>
            <source>cannot write the runtime bundle</source>
            <translation>impossible d'écrire le bundle du runtime</translation>
        </message>
        <message>
            <source>cannot make a socket pair for RUN</source>
            <translation>impossible de créer une paire de sockets pour RUN</translation>
        </message>
        <message>
            <source>cannot start %1: %2 %3</source>
            <translation>impossible de démarrer %1 : %2 %3</translation>
        </message>
        <message>
            <source>the RUN's process ended before its network was ready</source>
            <translation>le processus du RUN s'est terminé avant que son réseau soit prêt</translation>
        </message>
        <message>
            <source>%1 crashed</source>
            <translation>%1 s'est arrêté brutalement</translation>
        </message>
        <message>
            <source>cannot open the root filesystem folder</source>
            <translation>impossible d'ouvrir le dossier du système de fichiers racine</translation>
        </message>
        <message>
            <source>cannot open folder</source>
            <translation>impossible d'ouvrir le dossier</translation>
        </message>
        <message>
            <source>cannot create folder</source>
            <translation>impossible de créer le dossier</translation>
        </message>
        <message>
            <source>cannot open</source>
            <translation>impossible d'ouvrir</translation>
        </message>
        <message>
            <source>file is larger than %1 bytes</source>
            <translation>le fichier dépasse %1 octets</translation>
        </message>
        <message>
            <source>cannot list folder</source>
            <translation>impossible de lister le dossier</translation>
        </message>
        <message>
            <source>cannot open folder to remove it</source>
            <translation>impossible d'ouvrir le dossier pour le supprimer</translation>
        </message>
        <message>
            <source>cannot remove</source>
            <translation>impossible de supprimer</translation>
        </message>
        <message>
            <source>a folder moved while it was being removed</source>
            <translation>un dossier a été déplacé pendant sa suppression</translation>
        </message>
        <message>
            <source>cannot remove folder</source>
            <translation>impossible de supprimer le dossier</translation>
        </message>
        <message>
            <source>cannot open the cache's tmp folder</source>
            <translation>impossible d'ouvrir le dossier tmp du cache</translation>
        </message>
        <message>
            <source>cannot create the cache's tmp folder</source>
            <translation>impossible de créer le dossier tmp du cache</translation>
        </message>
        <message>
            <source>cannot lock the build's work folder</source>
            <translation>impossible de verrouiller le dossier de travail du build</translation>
        </message>
        <message>
            <source>cannot create the build's work folder</source>
            <translation>impossible de créer le dossier de travail du build</translation>
        </message>
        <message>
            <source>cannot write</source>
            <translation>impossible d'écrire</translation>
        </message>
        <message>
            <source>refusing to write "%1": its last component is "%2"</source>
            <translation>refus d'écrire « %1 » : son dernier composant est « %2 »</translation>
        </message>
        <message>
            <source>cannot set the attributes of /</source>
            <translation>impossible de définir les attributs de /</translation>
        </message>
        <message>
            <source>cannot create file</source>
            <translation>impossible de créer le fichier</translation>
        </message>
        <message>
            <source>cannot set owner or mode</source>
            <translation>impossible de définir le propriétaire ou le mode</translation>
        </message>
        <message>
            <source>cannot make hard link to "%1"</source>
            <translation>impossible de créer un lien physique vers « %1 »</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>impossible de créer %1</translation>
        </message>
        <message>
            <source>cannot set owner</source>
            <translation>impossible de définir le propriétaire</translation>
        </message>
        <message>
            <source>cannot set mode</source>
            <translation>impossible de définir le mode</translation>
        </message>
        <message>
            <source>zlib error %1</source>
            <translation>erreur zlib %1</translation>
        </message>
        <message>
            <source>ISA-L error %1</source>
            <translation>erreur ISA-L %1</translation>
        </message>
        <message>
            <source>gzip level %1 is out of range (0 to %2)</source>
            <translation>le niveau gzip %1 est hors limites (0 à %2)</translation>
        </message>
        <message>
            <source>cannot compress the layer (%1)</source>
            <translation>impossible de compresser la couche (%1)</translation>
        </message>
        <message>
            <source>the image has no /%1</source>
            <translation>l'image n'a pas de /%1</translation>
        </message>
        <message>
            <source>the image has no readable /%1</source>
            <translation>l'image n'a pas de /%1 lisible</translation>
        </message>
        <message>
            <source>"%1" names no user</source>
            <translation>« %1 » ne désigne aucun utilisateur</translation>
        </message>
        <message>
            <source>unknown user "%1": not in the image's /etc/passwd</source>
            <translation>utilisateur « %1 » inconnu : absent du /etc/passwd de l'image</translation>
        </message>
        <message>
            <source>unknown group "%1": not in the image's /etc/group</source>
            <translation>groupe « %1 » inconnu : absent du /etc/group de l'image</translation>
        </message>
        <message>
            <source>cannot read symlink</source>
            <translation>impossible de lire le lien symbolique</translation>
        </message>
        <message>
            <source>%1 --exclude needs a pattern, e.g. --exclude=*.log</source>
            <translation>%1 --exclude a besoin d'un motif, par exemple --exclude=*.log</translation>
        </message>
        <message>
            <source>%1 --parents=%2: give true or false</source>
            <translation>%1 --parents=%2 : donnez true ou false</translation>
        </message>
        <message>
            <source>%1 &lt;&lt;%2: a here-document's name becomes a file name; use a plain name such as EOF or app.conf</source>
            <translation>%1 &lt;&lt;%2 : le nom d'un here-document devient un nom de fichier ; utilisez un nom simple comme EOF ou app.conf</translation>
        </message>
        <message>
            <source>%1 &lt;&lt;%2: the here-document has no closing "%2" line</source>
            <translation>%1 &lt;&lt;%2 : le here-document n'a pas de ligne « %2 » de fermeture</translation>
        </message>
        <message>
            <source>cannot write "%1" into the layer: "%2" on its way is not a folder</source>
            <translation>impossible d'écrire « %1 » dans la couche : « %2 », dans le chemin, n'est pas un dossier</translation>
        </message>
        <message>
            <source>cannot make hard link to "%1": it is not in the layer</source>
            <translation>impossible de créer un lien physique vers « %1 » : il n'est pas dans la couche</translation>
        </message>
        <message>
            <source>cannot make hard link to "%1": it is a folder</source>
            <translation>impossible de créer un lien physique vers « %1 » : c'est un dossier</translation>
        </message>
        <message>
            <source>%1…%2 (%3 bytes)</source>
            <translation>%1…%2 (%3 octets)</translation>
        </message>
        <message>
            <source> (at "%1")</source>
            <translation> (à « %1 »)</translation>
        </message>
        <message>
            <source>%1: cannot unpack member "%2": %3%4</source>
            <translation>%1 : impossible d'extraire le membre « %2 » : %3%4</translation>
        </message>
        <message>
            <source>network mode "%1": give default, none or host</source>
            <translation>mode réseau « %1 » : donnez default, none ou host</translation>
        </message>
        <message>
            <source>cannot create a user namespace: %1</source>
            <translation>impossible de créer un espace de noms utilisateur : %1</translation>
        </message>
        <message>
            <source>newuidmap/newgidmap refused the ranges of /etc/subuid and /etc/subgid</source>
            <translation>newuidmap/newgidmap ont refusé les plages de /etc/subuid et de /etc/subgid</translation>
        </message>
        <message>
            <source>rootless: root of a user namespace made before LayerLens started (%1 ids mapped)</source>
            <translation>sans root : root d'un espace de noms utilisateur créé avant le démarrage de LayerLens (%1 identifiants mappés)</translation>
        </message>
        <message>
            <source>not root, and LAYERLENS_USERNS=0 keeps LayerLens out of a user namespace</source>
            <translation>pas exécuté en tant que root, et LAYERLENS_USERNS=0 empêche LayerLens d'utiliser un espace de noms utilisateur</translation>
        </message>
        <message>
            <source>rootless: a user namespace where root is %1 (uid %2) and ids 1-%3 are its subordinate ids</source>
            <translation>sans root : un espace de noms utilisateur où root est %1 (uid %2) et les identifiants 1-%3 sont ses identifiants subordonnés</translation>
        </message>
        <message>
            <source>newuidmap/newgidmap are not installed (apt-get install uidmap)</source>
            <translation>newuidmap/newgidmap ne sont pas installés (apt-get install uidmap)</translation>
        </message>
        <message>
            <source>%1 has no subordinate ids: add a line such as "%1:100000:65536" to /etc/subuid and to /etc/subgid</source>
            <translation>%1 n'a pas d'identifiants subordonnés : ajoutez une ligne comme « %1:100000:65536 » à /etc/subuid et à /etc/subgid</translation>
        </message>
        <message>
            <source>not root, and no user namespace: %1 (%2)</source>
            <translation>pas exécuté en tant que root, et pas d'espace de noms utilisateur : %1 (%2)</translation>
        </message>
        <message>
            <source>rootless: a user namespace with %1's subordinate uids and only its own group</source>
            <translation>sans root : un espace de noms utilisateur avec les uid subordonnés de %1 et seulement son propre groupe</translation>
        </message>
        <message>
            <source>%1; until then files can only belong to group 0 in the image</source>
            <translation>%1 ; d'ici là, les fichiers ne peuvent appartenir qu'au groupe 0 dans l'image</translation>
        </message>
        <message>
            <source>rootless with one id: root inside is %1 (uid %2), no other id exists</source>
            <translation>sans root avec un seul identifiant : dans l'espace de noms, root est %1 (uid %2) et aucun autre identifiant n'existe</translation>
        </message>
        <message>
            <source>%1; until then files can only belong to root in the image, and a step that needs another owner fails</source>
            <translation>%1 ; d'ici là, les fichiers ne peuvent appartenir qu'à root dans l'image, et une étape qui a besoin d'un autre propriétaire échoue</translation>
        </message>
        <message>
            <source>busybox did not answer "%1"</source>
            <translation>busybox n'a pas répondu à « %1 »</translation>
        </message>
        <message>
            <source>busybox lists no shell among its applets (--list-full)</source>
            <translation>busybox ne liste aucun shell parmi ses applets (--list-full)</translation>
        </message>
        <message>
            <source>cannot read busybox: %1</source>
            <translation>impossible de lire busybox : %1</translation>
        </message>
        <message>
            <source>not busybox: it does not say "BusyBox vN.N" when run</source>
            <translation>ce n'est pas busybox : il n'affiche pas "BusyBox vN.N" quand on le lance</translation>
        </message>
        <message>
            <source>"%1" is not a duration (e.g. 30s, 1m30s)</source>
            <translation>« %1 » n'est pas une durée (par exemple 30s, 1m30s)</translation>
        </message>
        <message>
            <source>HEALTHCHECK --%1: %2</source>
            <translation>HEALTHCHECK --%1 : %2</translation>
        </message>
        <message>
            <source>%1=%2 is not a unix:// socket; LayerLens talks to local daemons only</source>
            <translation>%1=%2 n'est pas un socket unix:// ; LayerLens ne parle qu'aux démons locaux</translation>
        </message>
        <message>
            <source>no %1 socket is set</source>
            <translation>aucun socket %1 n'est défini</translation>
        </message>
        <message>
            <source>%1 is not running here: no socket at %2%3</source>
            <translation>%1 n'est pas démarré sur cette machine : aucun socket à %2%3</translation>
        </message>
        <message>
            <source> (start it with `systemctl --user start podman.socket` or `podman system service`)</source>
            <translation> (démarrez-le avec `systemctl --user start podman.socket` ou `podman system service`)</translation>
        </message>
        <message>
            <source>%1 on %2 did not answer: %3</source>
            <translation>%1 sur %2 n'a pas répondu : %3</translation>
        </message>
        <message>
            <source>%1 answered %2 about %3</source>
            <translation>%1 a répondu %2 au sujet de %3</translation>
        </message>
        <message>
            <source>%1 sends the image: %2 MB</source>
            <translation>%1 envoie l'image : %2 Mo</translation>
        </message>
        <message>
            <source>cannot write the image %1 sends: %2</source>
            <translation>impossible d'écrire l'image qu'envoie %1 : %2</translation>
        </message>
        <message>
            <source>%1 has no image "%2"</source>
            <translation>%1 n'a pas d'image « %2 »</translation>
        </message>
        <message>
            <source>%1 could not save %2: %3</source>
            <translation>%1 n'a pas pu enregistrer %2 : %3</translation>
        </message>
        <message>
            <source>%1 refused the image: %2</source>
            <translation>%1 a refusé l'image : %2</translation>
        </message>
        <message>
            <source>%1 could not load the image: %2</source>
            <translation>%1 n'a pas pu charger l'image : %2</translation>
        </message>
        <message>
            <source>cannot start an HTTP transfer (libcurl)</source>
            <translation>impossible de démarrer un transfert HTTP (libcurl)</translation>
        </message>
        <message>
            <source>cannot read: %1</source>
            <translation>impossible de lire : %1</translation>
        </message>
        <message>
            <source>the server sent more than 256 KiB of headers; refused</source>
            <translation>le serveur a envoyé plus de 256 Kio d'en-têtes ; refusé</translation>
        </message>
        <message>
            <source>the answer is larger than %1 bytes; refused</source>
            <translation>la réponse dépasse %1 octets ; refusée</translation>
        </message>
        <message>
            <source>the transfer was stopped</source>
            <translation>le transfert a été interrompu</translation>
        </message>
        <message>
            <source>the server cannot resume this download (Range)</source>
            <translation>le serveur ne peut pas reprendre ce téléchargement (Range)</translation>
        </message>
        <message>
            <source>the server stopped answering (nothing for %1 s, or a small answer took over 120 s): %2</source>
            <translation>le serveur a cessé de répondre (rien pendant %1 s, ou une petite réponse a pris plus de 120 s) : %2</translation>
        </message>
        <message>
            <source>too many redirects (a redirect loop?): %1</source>
            <translation>trop de redirections (une boucle de redirections ?) : %1</translation>
        </message>
        <message>
            <source>the server's TLS certificate is not trusted: %1. Give its CA (--cert-dir, certs.d/HOST/ca.crt) or, for a test registry only, --tls-verify=false</source>
            <translation>le certificat TLS du serveur n'est pas de confiance : %1. Indiquez son autorité de certification (--cert-dir, certs.d/HÔTE/ca.crt) ou, pour un registre de test seulement, --tls-verify=false</translation>
        </message>
        <message>
            <source>"%1" is not an image reference: %2</source>
            <translation>« %1 » n'est pas une référence d'image : %2</translation>
        </message>
        <message>
            <source>it is empty</source>
            <translation>elle est vide</translation>
        </message>
        <message>
            <source>it is longer than 1024 characters</source>
            <translation>elle dépasse 1024 caractères</translation>
        </message>
        <message>
            <source>a bare 64-hex id names a local image, not a repository; write sha256:… after a name and @</source>
            <translation>un identifiant nu de 64 chiffres hexadécimaux désigne une image locale, pas un dépôt ; écrivez sha256:… après un nom et @</translation>
        </message>
        <message>
            <source>"%1" is not a digest (algorithm:hex, e.g. sha256: and 64 hex digits)</source>
            <translation>« %1 » n'est pas une empreinte (algorithme:hex, par exemple sha256: suivi de 64 chiffres hexadécimaux)</translation>
        </message>
        <message>
            <source>a sha256 digest has 64 hex digits</source>
            <translation>une empreinte sha256 a 64 chiffres hexadécimaux</translation>
        </message>
        <message>
            <source>"%1" is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)</source>
            <translation>« %1 » n'est pas un tag (lettres, chiffres, _ . -, 128 caractères au plus, sans commencer par . ni -)</translation>
        </message>
        <message>
            <source>"%1" is not a registry host[:port]</source>
            <translation>« %1 » n'est pas un hôte[:port] de registre</translation>
        </message>
        <message>
            <source>it names no repository</source>
            <translation>elle ne désigne aucun dépôt</translation>
        </message>
        <message>
            <source>repository names must be lowercase</source>
            <translation>les noms de dépôt doivent être en minuscules</translation>
        </message>
        <message>
            <source>"%1" is not a repository path component (lowercase letters and digits, separated by . _ __ or -)</source>
            <translation>« %1 » n'est pas un élément valide de chemin de dépôt (lettres minuscules et chiffres, séparés par . _ __ ou -)</translation>
        </message>
        <message>
            <source>the name is longer than 255 characters</source>
            <translation>le nom dépasse 255 caractères</translation>
        </message>
        <message>
            <source>registry %1</source>
            <translation>le registre %1</translation>
        </message>
        <message>
            <source>asking %1 for %2</source>
            <translation>interrogation de %1 pour %2</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>un fichier</translation>
        </message>
        <message>
            <source>the local image store</source>
            <translation>le magasin d'images local</translation>
        </message>
        <message>
            <source> nor in Docker or Podman</source>
            <translation> ni dans Docker ni dans Podman</translation>
        </message>
        <message>
            <source>"%1" is not in the local image store (%2)%3; from the registry: %4</source>
            <translation>« %1 » n'est pas dans le magasin d'images local (%2)%3 ; depuis le registre : %4</translation>
        </message>
        <message>
            <source>, nor in Docker or Podman</source>
            <translation>, ni dans Docker ni dans Podman</translation>
        </message>
        <message>
            <source>the store names %1 but lacks its manifest</source>
            <translation>le magasin d'images local cite %1, mais n'a pas son manifeste</translation>
        </message>
        <message>
            <source>no image "%1" in the local image store (%2)</source>
            <translation>aucune image « %1 » dans le magasin d'images local (%2)</translation>
        </message>
        <message>
            <source>the stored manifest of %1 names an invalid blob digest</source>
            <translation>le manifeste stocké de %1 cite une empreinte de blob invalide</translation>
        </message>
        <message>
            <source>the store lacks blob %1 of %2</source>
            <translation>le magasin d'images local n'a pas le blob %1 de %2</translation>
        </message>
        <message>
            <source>pushing %1 (%2)</source>
            <translation>envoi de %1 (%2)</translation>
        </message>
        <message>
            <source>pushed %1 (%2): %3 of %4 blobs already there, %5 sent</source>
            <translation>%1 (%2) envoyé : blobs déjà présents : %3 sur %4, %5 transférés</translation>
        </message>
        <message>
            <source>wrote %1 to %2</source>
            <translation>%1 écrit dans %2</translation>
        </message>
        <message>
            <source>"%1" is not a destination: give docker://REF, docker-daemon:REF, podman:REF, oci:DIR, oci-archive:FILE, docker-archive:FILE or a name for the local store</source>
            <translation>« %1 » n'est pas une destination : indiquez docker://REF, docker-daemon:REF, podman:REF, oci:DOSSIER, oci-archive:FICHIER, docker-archive:FICHIER ou un nom pour le magasin d'images local</translation>
        </message>
        <message>
            <source>tagged %1 as %2 in the local store</source>
            <translation>tag %2 posé sur %1 dans le magasin d'images local</translation>
        </message>
        <message>
            <source>the pull stopped</source>
            <translation>le pull s'est arrêté</translation>
        </message>
        <message>
            <source>%1 names the credential helper "%2" but %3 is not on PATH</source>
            <translation>%1 désigne l'assistant d'identification « %2 », mais %3 n'est pas dans le PATH</translation>
        </message>
        <message>
            <source>the credential helper %1 did not answer within 30 s</source>
            <translation>l'assistant d'identification %1 n'a pas répondu en 30 s</translation>
        </message>
        <message>
            <source>the credential helper %1 failed (exit %2): %3</source>
            <translation>l'assistant d'identification %1 a échoué (code de sortie %2) : %3</translation>
        </message>
        <message>
            <source>not a JSON object (%1); fix or remove it</source>
            <translation>ce n'est pas un objet JSON (%1) ; corrigez-le ou supprimez-le</translation>
        </message>
        <message>
            <source>%1 asks for a user name and password and none is stored for %2 (log in with `podman login` or `docker login`, or add it to ~/.docker/config.json)</source>
            <translation>%1 demande un nom d'utilisateur et un mot de passe, et aucun n'est enregistré pour %2 (connectez-vous avec `podman login` ou `docker login`, ou ajoutez-les à ~/.docker/config.json)</translation>
        </message>
        <message>
            <source>%1 names a token service that is not an http(s) URL: "%2"</source>
            <translation>%1 désigne un service de jetons qui n'est pas une URL http(s) : « %2 »</translation>
        </message>
        <message>
            <source>%1 sends credentials to a token service over plain HTTP (%2); refused</source>
            <translation>%1 envoie les identifiants à un service de jetons en HTTP simple (%2) ; refusé</translation>
        </message>
        <message>
            <source>the token service of %1 refused %2 (%3)</source>
            <translation>le service de jetons de %1 a refusé %2 (%3)</translation>
        </message>
        <message>
            <source>the credentials from %1</source>
            <translation>les identifiants de %1</translation>
        </message>
        <message>
            <source>an anonymous request; log in first</source>
            <translation>une requête anonyme ; connectez-vous d'abord</translation>
        </message>
        <message>
            <source>the token service of %1 answered %2</source>
            <translation>le service de jetons de %1 a répondu %2</translation>
        </message>
        <message>
            <source>the token service of %1 sent no usable token</source>
            <translation>le service de jetons de %1 n'a envoyé aucun jeton utilisable</translation>
        </message>
        <message>
            <source>%1 refused the request (HTTP 401) and asks for no method LayerLens knows ("%2")</source>
            <translation>%1 a refusé la requête (HTTP 401) et ne propose aucune méthode d'authentification connue de LayerLens (« %2 »)</translation>
        </message>
        <message>
            <source>%1 sent the client from HTTPS to plain HTTP (%2); refused</source>
            <translation>%1 a redirigé le client de HTTPS vers HTTP simple (%2) ; refusé</translation>
        </message>
        <message>
            <source>%1 refused %2 (%3)</source>
            <translation>%1 a refusé %2 (%3)</translation>
        </message>
        <message>
            <source>anonymous access; log in first</source>
            <translation>l'accès anonyme ; connectez-vous d'abord</translation>
        </message>
        <message>
            <source>the manifest of %1:%2 is larger than 4 MiB; refused</source>
            <translation>le manifeste de %1:%2 dépasse 4 Mio ; refusé</translation>
        </message>
        <message>
            <source>%1:%2 is not in the registry (%3): check the name and tag; a private repository also answers so without credentials</source>
            <translation>%1:%2 n'est pas dans le registre (%3) : vérifiez le nom et le tag ; un dépôt privé donne la même réponse sans identifiants</translation>
        </message>
        <message>
            <source>asking %1 for the manifest %2: %3</source>
            <translation>demande du manifeste %2 à %1 : %3</translation>
        </message>
        <message>
            <source>%1 sent a manifest whose digest is %2, not the %3 that was asked for; nothing kept</source>
            <translation>%1 a envoyé un manifeste d'empreinte %2 au lieu de l'empreinte demandée %3 ; rien n'est conservé</translation>
        </message>
        <message>
            <source>%1:%2 has a Docker schema 1 manifest, which registries and Docker stopped supporting; push it again with a current tool</source>
            <translation>%1:%2 a un manifeste Docker schema 1, que les registres et Docker ne prennent plus en charge ; poussez de nouveau l'image avec un outil récent</translation>
        </message>
        <message>
            <source>the download of blob %1 did not complete</source>
            <translation>le téléchargement du blob %1 ne s'est pas terminé</translation>
        </message>
        <message>
            <source>blob %1 of %2 uses a digest algorithm LayerLens cannot check</source>
            <translation>le blob %1 de %2 utilise un algorithme d'empreinte que LayerLens ne sait pas vérifier</translation>
        </message>
        <message>
            <source>%1 sent more than the %2 bytes its manifest states for blob %3</source>
            <translation>%1 a envoyé plus que les %2 octets que son manifeste indique pour le blob %3</translation>
        </message>
        <message>
            <source>%1 has no blob %2 although its manifest names it</source>
            <translation>%1 n'a pas le blob %2, bien que son manifeste le cite</translation>
        </message>
        <message>
            <source>downloading blob %1 from %2: %3</source>
            <translation>téléchargement du blob %1 depuis %2 : %3</translation>
        </message>
        <message>
            <source>the server could not resume blob %1; it is read again from the start</source>
            <translation>le serveur n'a pas pu reprendre le blob %1 ; il est retéléchargé depuis le début</translation>
        </message>
        <message>
            <source> (blob %1, %2 of %3 bytes received)</source>
            <translation> (blob %1, %2 octets reçus sur %3)</translation>
        </message>
        <message>
            <source>blob %1 from %2 has %3 bytes, its manifest states %4; nothing kept</source>
            <translation>le blob %1 de %2 fait %3 octets, son manifeste en indique %4 ; rien n'est conservé</translation>
        </message>
        <message>
            <source>blob %1 from %2 has the digest %3: the bytes are not what the manifest names; nothing kept</source>
            <translation>le blob %1 de %2 a l'empreinte %3 : les octets ne sont pas ceux que cite le manifeste ; rien n'est conservé</translation>
        </message>
        <message>
            <source>cannot move the downloaded blob into place: %1</source>
            <translation>impossible de mettre en place le blob téléchargé : %1</translation>
        </message>
        <message>
            <source>asking %1 for blob %2: %3</source>
            <translation>demande du blob %2 à %1 : %3</translation>
        </message>
        <message>
            <source>%1 refused to start an upload: %2</source>
            <translation>%1 a refusé de commencer un envoi : %2</translation>
        </message>
        <message>
            <source>%1 sent an upload location that is not an http(s) URL: %2</source>
            <translation>%1 a envoyé une adresse d'envoi qui n'est pas une URL http(s) : %2</translation>
        </message>
        <message>
            <source>%1 refused blob %2: %3</source>
            <translation>%1 a refusé le blob %2 : %3</translation>
        </message>
        <message>
            <source>%1 refused the manifest %2: %3</source>
            <translation>%1 a refusé le manifeste %2 : %3</translation>
        </message>
        <message>
            <source>the manifest's %1 has no valid digest and size</source>
            <translation>le manifeste n'indique pas d'empreinte et de taille valides pour : %1</translation>
        </message>
        <message>
            <source>cannot move the blob into place</source>
            <translation>impossible de mettre le blob en place</translation>
        </message>
        <message>
            <source>%1 is an index that names no image for any platform</source>
            <translation>%1 est un index qui ne cite d'image pour aucune plateforme</translation>
        </message>
        <message>
            <source>%1 has no image for %2; it offers %3 (choose with --platform)</source>
            <translation>%1 n'a pas d'image pour %2 ; il propose %3 (choisissez avec --platform)</translation>
        </message>
        <message>
            <source>%1 of %2 layers already here, %3 not downloaded; </source>
            <translation>couches déjà présentes : %1 sur %2 (%3 de téléchargement évité) ; </translation>
        </message>
        <message>
            <source>nothing downloaded</source>
            <translation>rien de téléchargé</translation>
        </message>
        <message>
            <source>the one layer downloaded (%1)</source>
            <translation>l'unique couche a été téléchargée (%1)</translation>
        </message>
        <message>
            <source>all %1 layers downloaded (%2)</source>
            <translation>les %1 couches ont été téléchargées (%2)</translation>
        </message>
        <message>
            <source>%1 downloaded (%2)</source>
            <translation>couches téléchargées : %1 (%2)</translation>
        </message>
        <message>
            <source>entry for %1</source>
            <translation>entrée pour %1</translation>
        </message>
        <message>
            <source>%1: the index for %2 names another index; LayerLens follows one level</source>
            <translation>%1 : l'index pour %2 cite un autre index ; LayerLens ne suit qu'un niveau</translation>
        </message>
        <message>
            <source>%1 is a "%2", not an image manifest (an artifact?)</source>
            <translation>%1 est un « %2 », pas un manifeste d'image (un artefact ?)</translation>
        </message>
        <message>
            <source>config</source>
            <translation>configuration</translation>
        </message>
        <message>
            <source>%1 states a config of %2 bytes; refused (over 64 MiB)</source>
            <translation>%1 annonce une configuration de %2 octets ; refusée (plus de 64 Mio)</translation>
        </message>
        <message>
            <source>layer %1 of %2: %3 of %4 downloaded, %5/s</source>
            <translation>couche %1 sur %2 : %3 sur %4 téléchargés, %5/s</translation>
        </message>
        <message>
            <source>%1: layer %2 is not in the store; the pull did not finish</source>
            <translation>%1 : la couche %2 n'est pas dans le magasin d'images local ; le pull n'a pas abouti</translation>
        </message>
        <message>
            <source>ADD of a git repository needs git (apt-get install git)</source>
            <translation>ADD d'un dépôt Git nécessite git (apt-get install git)</translation>
        </message>
        <message>
            <source>cannot start git: %1</source>
            <translation>impossible de lancer git : %1</translation>
        </message>
        <message>
            <source>ADD %1: git over ssh is not supported (no keys are forwarded); use an https:// or git:// URL</source>
            <translation>ADD %1 : git par ssh n'est pas pris en charge (aucune clé n'est transmise) ; utilisez une URL https:// ou git://</translation>
        </message>
        <message>
            <source>ADD %1: not a usable git reference</source>
            <translation>ADD %1 : ce n'est pas une référence git utilisable</translation>
        </message>
        <message>
            <source>git ls-remote failed</source>
            <translation>échec de git ls-remote</translation>
        </message>
        <message>
            <source>ADD %1: the repository has no ref %2</source>
            <translation>ADD %1 : le dépôt n'a pas de référence %2</translation>
        </message>
        <message>
            <source>cannot make a folder for the checkout</source>
            <translation>impossible de créer un dossier pour la copie de travail Git</translation>
        </message>
        <message>
            <source>git %1 failed</source>
            <translation>échec de git %1</translation>
        </message>
        <message>
            <source>ADD %1: %2 moved while it was fetched (now %3); build again</source>
            <translation>ADD %1 : %2 a changé pendant sa récupération (maintenant %3) ; relancez le build</translation>
        </message>
        <message>
            <source>git log failed</source>
            <translation>échec de git log</translation>
        </message>
        <message>
            <source>cannot remove the checkout's .git</source>
            <translation>impossible de supprimer le .git de la copie de travail</translation>
        </message>
        <message>
            <source>not a valid URL</source>
            <translation>ce n'est pas une URL valide</translation>
        </message>
        <message>
            <source>not downloaded yet</source>
            <translation>pas encore téléchargé</translation>
        </message>
        <message>
            <source>cannot make the download folder</source>
            <translation>impossible de créer le dossier des téléchargements</translation>
        </message>
        <message>
            <source>cannot write a download</source>
            <translation>impossible d'écrire un téléchargement</translation>
        </message>
        <message>
            <source>the server answered %1 %2</source>
            <translation>le serveur a répondu %1 %2</translation>
        </message>
        <message>
            <source>checksum mismatch: --checksum says %1 but the server sent %2</source>
            <translation>somme de contrôle différente : --checksum indique %1, mais le serveur a envoyé %2</translation>
        </message>
        <message>
            <source>cannot keep a download</source>
            <translation>impossible de conserver un téléchargement</translation>
        </message>
        <message>
            <source>COPY source "%1" not found in the build context (or excluded by .dockerignore)</source>
            <translation>source COPY « %1 » introuvable dans le contexte de build (ou exclue par .dockerignore)</translation>
        </message>
        <message>
            <source>COPY source "%1" is outside the build context: sources are paths inside the context folder; move the file into it or pass a larger context</source>
            <translation>la source COPY « %1 » est hors du contexte de build : les sources sont des chemins dans le dossier du contexte ; déplacez-y le fichier ou donnez un contexte plus large</translation>
        </message>
        <message>
            <source>COPY --parents source "%1": the path after "/./" leads above it</source>
            <translation>source COPY --parents « %1 » : le chemin après "/./" remonte au-dessus</translation>
        </message>
        <message>
            <source>COPY/ADD source "%1" is a symbolic link that leads nowhere in the context (a loop?)</source>
            <translation>la source COPY/ADD « %1 » est un lien symbolique qui ne mène nulle part dans le contexte (une boucle ?)</translation>
        </message>
        <message>
            <source>cache "%1": give registry:REF or type=registry,ref=REF (the only remote cache is a registry)</source>
            <translation>cache « %1 » : indiquez registry:REF ou type=registry,ref=REF (le seul cache distant est un registre)</translation>
        </message>
        <message>
            <source>%1 is not a LayerLens build cache (its config is "%2"); an image or another tool's cache lives there</source>
            <translation>%1 n'est pas un cache de build LayerLens (sa config est « %2 ») ; une image ou le cache d'un autre outil s'y trouve</translation>
        </message>
        <message>
            <source>%1: the cache manifest's config descriptor is invalid or over 64 MiB</source>
            <translation>%1 : le descripteur de configuration du manifeste du cache est invalide ou dépasse 64 Mio</translation>
        </message>
        <message>
            <source>cannot write a temporary file: %1</source>
            <translation>impossible d'écrire un fichier temporaire : %1</translation>
        </message>
        <message>
            <source>exported %1 cache records to %2: %3 layers sent (%4), %5 already there</source>
            <translation>%1 enregistrements de cache exportés vers %2 : %3 couches envoyées (%4), %5 déjà présentes</translation>
        </message>
        <message>
            <source>cannot read layer %1: %2</source>
            <translation>impossible de lire la couche %1 : %2</translation>
        </message>
        <message>
            <source>cannot read layer %1 whole</source>
            <translation>impossible de lire la couche %1 en entier</translation>
        </message>
        <message>
            <source>history: expected an array, found %1</source>
            <translation>history : un tableau attendu, trouvé : %1</translation>
        </message>
        <message>
            <source>schemaVersion must be 2 (schema 1 manifests are obsolete)</source>
            <translation>schemaVersion doit valoir 2 (les manifestes schema 1 sont obsolètes)</translation>
        </message>
        <message>
            <source>layers: expected an array, found %1</source>
            <translation>layers : un tableau attendu, trouvé : %1</translation>
        </message>
        <message>
            <source>[%1]: expected an object, found %2</source>
            <translation>[%1] : un objet attendu, trouvé : %2</translation>
        </message>
        <message>
            <source>history entry %1 says it made a layer, but every layer is already accounted for</source>
            <translation>l'entrée d'historique %1 dit avoir créé une couche, mais chaque couche a déjà la sienne</translation>
        </message>
        <message numerus="yes">
            <source>%n layer(s) have no history entry</source>
            <translation>
                <numerusform>%n couche n'a pas d'entrée d'historique</numerusform>
                <numerusform>%n couches n'ont pas d'entrée d'historique</numerusform>
            </translation>
        </message>
        <message>
            <source>no history entry for this layer</source>
            <translation>pas d'entrée d'historique pour cette couche</translation>
        </message>
        <message>
            <source>reading index</source>
            <translation>lecture de l'index</translation>
        </message>
        <message>
            <source>config digest mismatch: the manifest says %1, the config hashes to %2</source>
            <translation>empreinte de la configuration différente : le manifeste indique %1, la configuration a pour empreinte %2</translation>
        </message>
        <message>
            <source>the manifest lists %1 layers; LayerLens reads at most %2</source>
            <translation>le manifeste liste %1 couches ; LayerLens en lit au plus %2</translation>
        </message>
        <message>
            <source>the config lists %1 diff_ids but the manifest has %2 layers</source>
            <translation>la configuration liste %1 diff_ids, mais le manifeste a %2 couches</translation>
        </message>
        <message>
            <source>layer %1: %2</source>
            <translation>couche %1 : %2</translation>
        </message>
        <message>
            <source>blob size mismatch: the manifest says %1 bytes, the blob has %2</source>
            <translation>taille du blob différente : le manifeste indique %1 octets, le blob en a %2</translation>
        </message>
        <message>
            <source>blob digest mismatch: the manifest says %1, the stored bytes hash to %2</source>
            <translation>empreinte du blob différente : le manifeste indique %1, les octets stockés ont pour empreinte %2</translation>
        </message>
        <message>
            <source>DiffID mismatch: the config says %1, the uncompressed tar hashes to %2</source>
            <translation>DiffID différent : la configuration indique %1, le tar décompressé a pour empreinte %2</translation>
        </message>
        <message>
            <source>reading %1 layers</source>
            <translation>lecture de %1 couches</translation>
        </message>
        <message>
            <source>skipped an attestation manifest (%1)</source>
            <translation>manifeste d'attestation ignoré (%1)</translation>
        </message>
        <message>
            <source>skipped a descriptor of type %1</source>
            <translation>descripteur de type %1 ignoré</translation>
        </message>
        <message>
            <source>skipped a manifest for platform unknown/unknown (%1)</source>
            <translation>manifeste pour la plateforme unknown/unknown ignoré (%1)</translation>
        </message>
        <message>
            <source>invalid %1 config value, given "%2": not a number</source>
            <translation>valeur de configuration %1 invalide, « %2 » donné : ce n'est pas un nombre</translation>
        </message>
        <message>
            <source>%1 config value is outside allowed range (0-1), given '%2'</source>
            <translation>la valeur de configuration %1 est hors de l'intervalle permis (0-1), '%2' donné</translation>
        </message>
        <message>
            <source>cannot read the CI config: %1</source>
            <translation>impossible de lire la configuration CI : %1</translation>
        </message>
        <message>
            <source>a CI rules file of %1 bytes: more than the 1 MiB LayerLens reads</source>
            <translation>un fichier de règles CI de %1 octets : au-delà de la limite de 1 Mio que lit LayerLens</translation>
        </message>
        <message>
            <source>a dive CI config is a YAML mapping with a "rules:" key</source>
            <translation>une configuration CI de dive est un mapping YAML avec une clé "rules:"</translation>
        </message>
        <message>
            <source>"rules:" must be a mapping (lowestEfficiency, highestWastedBytes, highestUserWastedPercent)</source>
            <translation>"rules:" doit être un mapping (lowestEfficiency, highestWastedBytes, highestUserWastedPercent)</translation>
        </message>
        <message>
            <source>rules.%1 must be a plain value</source>
            <translation>rules.%1 doit être une valeur simple</translation>
        </message>
        <message>
            <source>not valid YAML: %1</source>
            <translation>YAML invalide : %1</translation>
        </message>
        <message>
            <source>invalid highestWastedBytes config value, given "%1": not a size (B, kB, MB, GB, KiB, MiB, GiB …)</source>
            <translation>valeur de configuration highestWastedBytes invalide, « %1 » donné : ce n'est pas une taille (B, kB, MB, GB, KiB, MiB, GiB …)</translation>
        </message>
        <message>
            <source>the image's names and link targets pass 2 GiB</source>
            <translation>les noms et cibles de liens de l'image dépassent 2 Gio</translation>
        </message>
        <message>
            <source>the layer holds no regular file at /%1</source>
            <translation>la couche ne contient pas de fichier ordinaire en /%1</translation>
        </message>
        <message>
            <source>"%1" is not a digest (expected sha256:&lt;64 hex digits&gt;)</source>
            <translation>« %1 » n'est pas une empreinte (attendu : sha256:&lt;64 chiffres hexadécimaux&gt;)</translation>
        </message>
        <message>
            <source>"%1" is not a sha256 digest (needs 64 lowercase hex digits)</source>
            <translation>« %1 » n'est pas une empreinte sha256 (il faut 64 chiffres hexadécimaux en minuscules)</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>impossible d'activer la compression %1 : %2</translation>
        </message>
        <message>
            <source>cannot start a tar stream: %1</source>
            <translation>impossible de démarrer un flux tar : %1</translation>
        </message>
        <message>
            <source>cannot write tar data: %1</source>
            <translation>impossible d'écrire les données tar : %1</translation>
        </message>
        <message>
            <source>cannot write tar header for "%1": %2</source>
            <translation>impossible d'écrire l'en-tête tar de « %1 » : %2</translation>
        </message>
        <message>
            <source>cannot finish the tar stream: %1</source>
            <translation>impossible de terminer le flux tar : %1</translation>
        </message>
    </context>
</TS>
