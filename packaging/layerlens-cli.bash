# bash completion for layerlens-cli and layerlens. The commands and options are read from the
# programs' own --help, so this file cannot fall behind them.

_layerlens_options_from_help()
{
    # Every --long option a help text names, once.
    "$@" --help 2>&1 | grep -oE -- '(^|[ ,])--[a-z][a-z0-9-]*' | tr -d ' ,' | sort -u
}

_layerlens_cli()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) command=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $command ]]; then
        local commands
        commands=$("$prog" --help 2>&1 | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_layerlens_options_from_help "$prog" "$command")" -- "$cur"))
        return
    fi
    if [[ $COMP_CWORD -eq $((i + 1)) ]]; then
        # A command taking an ACTION (images, cache) lists them in its help: "ACTION  ls, du or prune".
        local actions
        actions=$("$prog" "$command" --help 2>&1 | sed -n 's/^  ACTION  *//p' | sed 's/([^)]*)//g; s/,/ /g; s/ or / /g')
        if [[ -n $actions ]]; then
            COMPREPLY=($(compgen -W "$actions" -- "$cur"))
            return
        fi
    fi
    # IMAGE, CONTEXT, Dockerfile, OUTPUT: files and folders (image names are free text).
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
}

_layerlens_app()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_layerlens_options_from_help "${COMP_WORDS[0]}")" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
}

complete -F _layerlens_cli layerlens-cli
complete -F _layerlens_app layerlens
