#pragma once
#include "builder/imagestore.h"

namespace ll::build {

// The base image the sample build project's RUN steps run in: Debian's static busybox (one
// program that is also sh, ls, date, wc…), each applet a link to it, and a root user. Made on
// the user's machine from the installed package (nothing downloaded, nothing shipped that
// Debian does not already ship), into the local image store under this name.
inline const QString kBusyboxBaseName = QStringLiteral("localhost/layerlens/busybox:sample");

// /bin/busybox when it is a statically linked program (busybox-static); empty when missing or
// dynamically linked (Debian's plain `busybox`), which would not run in an image without a libc.
QString findStaticBusybox();
// True for an ELF program that names no program interpreter (ld.so): it runs without a libc.
bool isStaticProgram(const QString &path);

// The image, the same bytes for the same busybox: applets from `busybox --list-full`, every
// mtime the program's own, history and labels that say where it came from.
Result<BuiltImage> busyboxBaseImage(const QString &busybox);

// Adds the image to `store` unless a image by that name is already there. True when the store
// holds it afterwards; an error says why it could not be made.
Result<bool> ensureBusyboxBase(ImageStore &store, const QString &busybox);

} // namespace ll::build
