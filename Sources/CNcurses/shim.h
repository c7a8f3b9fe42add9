// ncurses for Swift. SwiftPM drops ncursesw's pkg-config defines, which hides the wide-character
// API, so they are set here. Macros and global variables do not import into Swift 6: the
// static inline functions below stand in for them.
#ifndef REHEARSE_CNCURSES_SHIM_H
#define REHEARSE_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

static inline WINDOW *rehearse_stdscr(void) { return stdscr; }
static inline int rehearse_lines(void) { return LINES; }
static inline int rehearse_cols(void) { return COLS; }
static inline int rehearse_colors(void) { return COLORS; }

static inline attr_t rehearse_a_normal(void) { return A_NORMAL; }
static inline attr_t rehearse_a_bold(void) { return A_BOLD; }
static inline attr_t rehearse_a_dim(void) { return A_DIM; }
static inline attr_t rehearse_a_reverse(void) { return A_REVERSE; }
static inline attr_t rehearse_a_underline(void) { return A_UNDERLINE; }

static inline int rehearse_key_f(int n) { return KEY_F(n); }

/// The process's own streams, for newterm on the real terminal (Swift 6 cannot read the C globals).
static inline FILE *rehearse_stdin(void) { return stdin; }
static inline FILE *rehearse_stdout(void) { return stdout; }

/// Columns the C library (and so ncurses) gives a character; -1 for one it cannot print.
static inline int rehearse_wcwidth(wchar_t c) { return wcwidth(c); }

/// The terminal's size in rows and columns, as the kernel has it; -1 when `fd` is no terminal.
static inline int rehearse_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/// Sets one cell: a character of up to a few code points (a base and combining marks).
static inline int rehearse_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

#endif
