#!/usr/bin/env python3
"""Bytes on disk per session, through the app: five line-mode `rehearse practice` sessions on a
fresh data folder, with the defaults (five questions of the Edge AI guide, new ones first) and
no think time, every prompt answered as it appears. Answers are the project's labelled answers,
taken in turn: 880 characters for an answer, 176 for each STAR part, 60 for a follow-up.

Usage: practice-store-size.py [path/to/rehearse] [runs]
"""
import os, re, select, shutil, subprocess, sys, tempfile

repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repository, '.build/release/rehearse')
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
sessions = 5

labelled = open(os.path.join(repository, 'Tests/Fixtures/judging/answers.md'), encoding='utf-8').read()
paragraphs = [p.replace('\n', ' ') for p in labelled.split('\n\n')
              if len(p) > 300 and not p.startswith(('#', 'covers:', 'commits:'))]
prose = ' '.join(paragraphs)
offset = 0


def take(count):
    global offset
    if offset + count > len(prose):
        offset = 0
    text = prose[offset:offset + count]
    offset += count
    return text


def reply(prompt):
    if prompt in ('answer', 'follow-up'):
        return take(880 if prompt == 'answer' else 60) + '\n.\n'
    if prompt in ('situation', 'task', 'action', 'result', 'lesson'):
        return take(176) + '\n.\n'
    return '\n'  # rubric, pitfalls and the like: nothing ticked


def play(home):
    process = subprocess.Popen([binary, 'practice', '--plain', '--think-time', '0'], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env=dict(os.environ, REHEARSE_HOME=home))
    pending = b''
    while True:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        if not ready:
            process.kill()
            sys.exit('no prompt for 30 s; the last output was:\n' + pending[-500:].decode(errors='replace'))
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        pending += chunk
        last = pending.decode(errors='replace').rstrip('\n').rsplit('\n', 1)[-1] + ' '
        prompt = re.search(r'([a-z-]+)> +$', last)
        if prompt:
            pending = b''
            process.stdin.write(reply(prompt.group(1)).encode())
            process.stdin.flush()
    if process.wait() != 0:
        sys.exit('rehearse practice exited with %d' % process.returncode)


print('## Bytes on disk per session, five line-mode `practice` sessions with the defaults\n')
sizes = []
for run in range(runs):
    home = tempfile.mkdtemp(prefix='rehearse-size-')
    try:
        for _ in range(sessions):
            play(home)
        size = os.path.getsize(os.path.join(home, 'rehearse.sqlite'))
    finally:
        shutil.rmtree(home)
    sizes.append(size / sessions / 1024)
    print('- run %d: %d bytes for %d sessions, %.1f KB per session' % (run + 1, size, sessions, sizes[-1]))
sizes.sort()
print('\nMedian %.1f KB per session (%.1f–%.1f).\n' % (sizes[len(sizes) // 2], sizes[0], sizes[-1]))
