#ifndef REHEARSE_CMARK_ARENA_H
#define REHEARSE_CMARK_ARENA_H

#include <cmark.h>

/// An arena for one libcmark document. libcmark's allocator has no context pointer, so the
/// arena in use is per thread: `cmark_arena_begin` makes a new arena current on this thread
/// (keeping the previous one), and `cmark_arena_end` frees it and makes the previous current.
/// Every allocation libcmark makes for a document (parsing, and literals it materialises when
/// read) must happen between the two. Arenas may end in any order; a literal materialised
/// while a later arena is current lives in that later arena, so a document's nodes may only
/// be read while every arena begun after it is still alive.
typedef struct cmark_arena cmark_arena;

cmark_arena *cmark_arena_begin(void);
void cmark_arena_end(cmark_arena *arena);

/// Ended arenas keep up to four blocks on this thread for the next arena to reuse; this gives
/// them back to the system. Call it when a run of parses (the pieces of one guide) is over.
void cmark_arena_trim(void);

/// The allocator to pass to `cmark_parser_new_with_mem`; it allocates from the current arena.
cmark_mem *cmark_arena_allocator(void);

#endif
