# Writes the man pages from the programs' own --help and --version, so they cannot drift:
# layerlens(1), layerlens-cli(1) and layerlens-cli-COMMAND(1) for each command that
# `layerlens-cli --help` lists. Run by the build: cmake -DCLI=… [-DAPP=…] -DOUT=… -DVERSION=… -P manpages.cmake
foreach(v CLI OUT VERSION HELP2MAN GZIP)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "manpages.cmake: ${v} not given")
  endif()
endforeach()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/wrappers")

execute_process(COMMAND "${CLI}" --help OUTPUT_VARIABLE help ERROR_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "manpages.cmake: ${CLI} --help exited ${rc}")
endif()
# The lines "  NAME      summary" under "commands:".
string(REGEX MATCHALL "\n  [a-z][a-z-]*  +[^\n]+" lines "${help}")
set(commands "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^\n  ([a-z-]+)  +(.*)$" "\\1" name "${line}")
  string(REGEX REPLACE "^\n  ([a-z-]+)  +(.*)$" "\\2" summary "${line}")
  list(APPEND commands "${name}")
  set(summary_${name} "${summary}")
endforeach()
list(LENGTH commands count)
if(count LESS 5)
  message(FATAL_ERROR "manpages.cmake: found only ${count} commands in `layerlens-cli --help`:\n${help}")
endif()

# help2man takes the page's name from the first line of --version and its text from --help: a
# wrapper per command answers both for "layerlens-cli COMMAND".
function(page program name description include)
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 --source=LayerLens
            --manual=LayerLens "--name=${description}" "--include=${include}"
            --output=${OUT}/${name}.1 "${program}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpages.cmake: help2man ${name}: ${err}")
  endif()
  # Debian's man pages are gzip'd; -n keeps the bytes the same from build to build.
  execute_process(COMMAND "${GZIP}" -9nf "${OUT}/${name}.1" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpages.cmake: gzip ${name}.1 failed")
  endif()
endfunction()

set(seealso "")
foreach(c IN LISTS commands)
  string(APPEND seealso ".BR layerlens-cli-${c} (1),\n")
endforeach()
string(APPEND seealso ".BR layerlens (1)\n")

foreach(c IN LISTS commands)
  set(wrapper "${OUT}/wrappers/layerlens-cli-${c}")
  file(WRITE "${wrapper}" "#!/bin/sh\ncase \"$1\" in\n  --version) echo 'layerlens-cli-${c} ${VERSION}' ;;\n  *) exec '${CLI}' ${c} --help ;;\nesac\n")
  file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
  file(WRITE "${OUT}/wrappers/${c}.h2m" "[SEE ALSO]\n.BR layerlens-cli (1),\n.BR layerlens (1)\n")
  page("${wrapper}" "layerlens-cli-${c}" "${summary_${c}}" "${OUT}/wrappers/${c}.h2m")
endforeach()

file(WRITE "${OUT}/wrappers/cli.h2m" "[SEE ALSO]\n${seealso}")
set(wrapper "${OUT}/wrappers/layerlens-cli")
file(WRITE "${wrapper}" "#!/bin/sh\ncase \"$1\" in\n  --version) echo 'layerlens-cli ${VERSION}' ;;\n  *) exec '${CLI}' --help ;;\nesac\n")
file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
page("${wrapper}" layerlens-cli "inspect, build and copy container images on the command line" "${OUT}/wrappers/cli.h2m")

if(APP)
  file(WRITE "${OUT}/wrappers/app.h2m" "[SEE ALSO]\n.BR layerlens-cli (1)\n")
  set(wrapper "${OUT}/wrappers/layerlens")
  file(WRITE "${wrapper}" "#!/bin/sh\ncase \"$1\" in\n  --version) echo 'layerlens ${VERSION}' ;;\n  *) exec '${APP}' --help ;;\nesac\n")
  file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
  page("${wrapper}" layerlens "see inside container images layer by layer, and build them" "${OUT}/wrappers/app.h2m")
endif()
file(REMOVE_RECURSE "${OUT}/wrappers")
