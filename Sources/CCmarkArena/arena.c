// A bump allocator for libcmark. Freeing a parsed document node by node cost as much as
// parsing it; an arena frees a document as a handful of large blocks.
//
// Blocks come from mmap, not malloc: they go back to the system when the arena ends, only the
// pages a document used are ever resident, and glibc's heap never sees them. A 4 MB block from
// malloc, once freed, raised glibc's mmap and trim thresholds to its size: later blocks then
// came from the heap, were zeroed in full by calloc (touching all 4 MB for a 150 KB guide),
// and stayed in the process after the arena ended.
#include "cmark_arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { BLOCK_SIZE = 4 << 20, ALIGNMENT = 16 };

typedef struct block {
    struct block *previous;
    size_t size;
    size_t used;
    size_t padding; // keeps the data 16-byte aligned
} block;

struct cmark_arena {
    block *blocks;
    cmark_arena *previous;
};

static _Thread_local cmark_arena *current = NULL;

// Blocks of ended arenas kept for the next one, until `cmark_arena_trim`: a large guide is
// parsed a piece at a time, and mapping each piece's blocks afresh faulted in every page again
// (73,000 page faults for a 10 MB guide).
enum { KEPT_BLOCKS = 4 };
static _Thread_local block *kept = NULL;
static _Thread_local int keptCount = 0;

static void out_of_memory(void) {
    fputs("rehearse: out of memory while parsing a guide\n", stderr);
    abort();
}

// Each allocation carries its size just before it, for realloc.
static void *bump(size_t size) {
    if (current == NULL) {
        fputs("rehearse: libcmark allocated outside an arena\n", stderr);
        abort();
    }
    if (size > SIZE_MAX - 2 * ALIGNMENT) out_of_memory();
    size_t needed = (size + ALIGNMENT + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
    block *top = current->blocks;
    if (top == NULL || top->size - top->used < needed) {
        size_t capacity = needed > BLOCK_SIZE ? needed : BLOCK_SIZE;
        if (capacity == BLOCK_SIZE && kept != NULL) {
            block *reused = kept;
            kept = reused->previous;
            keptCount -= 1;
            // Only the bytes it handed out were ever written: zeroed, it is as fresh.
            memset(reused + 1, 0, reused->used);
            reused->used = 0;
            reused->previous = top;
            current->blocks = reused;
            top = reused;
        }
    }
    if (top == NULL || top->size - top->used < needed) {
        size_t capacity = needed > BLOCK_SIZE ? needed : BLOCK_SIZE;
        // Fresh anonymous pages arrive zeroed, so calloc's semantics are free.
        block *fresh = mmap(NULL, sizeof(block) + capacity, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (fresh == MAP_FAILED) out_of_memory();
        fresh->previous = top;
        fresh->size = capacity;
        current->blocks = fresh;
        top = fresh;
    }
    unsigned char *start = (unsigned char *)(top + 1) + top->used;
    top->used += needed;
    *(size_t *)start = size;
    return start + ALIGNMENT; // memory is never reused, so it is still zero
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    return bump(count * size);
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return bump(size);
    size_t old = *(size_t *)((unsigned char *)pointer - ALIGNMENT);
    if (size <= old) return pointer;
    void *grown = bump(size);
    memcpy(grown, pointer, old);
    return grown;
}

static void arena_free(void *pointer) {
    (void)pointer; // freed with the arena
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *cmark_arena_allocator(void) { return &allocator; }

cmark_arena *cmark_arena_begin(void) {
    cmark_arena *arena = calloc(1, sizeof(cmark_arena));
    if (arena == NULL) out_of_memory();
    arena->previous = current;
    current = arena;
    return arena;
}

void cmark_arena_end(cmark_arena *arena) {
    block *top = arena->blocks;
    while (top != NULL) {
        block *previous = top->previous;
        if (top->size == BLOCK_SIZE && keptCount < KEPT_BLOCKS) {
            top->previous = kept;
            kept = top;
            keptCount += 1;
        } else {
            munmap(top, sizeof(block) + top->size);
        }
        top = previous;
    }
    if (current == arena) {
        current = arena->previous;
    } else {
        // An older arena: unlink it from the chain of the ones begun after it.
        for (cmark_arena *later = current; later != NULL; later = later->previous) {
            if (later->previous == arena) {
                later->previous = arena->previous;
                break;
            }
        }
    }
    free(arena);
}

void cmark_arena_trim(void) {
    while (kept != NULL) {
        block *previous = kept->previous;
        munmap(kept, sizeof(block) + kept->size);
        kept = previous;
    }
    keptCount = 0;
}
