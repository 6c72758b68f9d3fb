"""The Python module against the CLI: the same input gives the same records, and the same errors."""

import concurrent.futures
import json
import pickle

import pytest

import dyad


def articles_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def test_code_many_equals_cli(coder, examples, run_cli):
    lines, _ = run_cli(examples / "news.jsonl")
    expected = [json.loads(line) for line in lines]
    assert len(expected) > 20
    assert coder.code_many(articles_of(examples / "news.jsonl"), threads=2) == expected
    assert coder.code_many(iter(articles_of(examples / "news.jsonl")), threads=1) == expected


def test_near_duplicates_marked_as_cli(coder, examples, tmp_path, run_cli):
    base = articles_of(examples / "news.jsonl")
    rows = [dict(a, id=f"{a['id']}-{k}") for k in range(2) for a in base]
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    lines, _ = run_cli(path)
    expected = [json.loads(line) for line in lines]
    assert any("duplicate_of" in e for e in expected)
    assert coder.code_many(rows, threads=2) == expected


def test_code_one_by_one_equals_cli(coder, examples, run_cli):
    lines, _ = run_cli(examples / "news.jsonl")
    got = []
    for a in articles_of(examples / "news.jsonl"):
        got += coder.code(a["text"], date=a["date"], id=a["id"], title=a.get("title"),
                          publisher=a.get("publisher"), url=a.get("url"))
    assert got == [json.loads(line) for line in lines]


def test_include_modal_equals_cli(examples, run_cli):
    lines, _ = run_cli(examples / "news.jsonl", "--include-modal")
    modal = dyad.Coder(include_modal=True)
    assert modal.code_many(articles_of(examples / "news.jsonl")) == [json.loads(line) for line in lines]


# Lines the reader must handle as the CLI does: generated ids, numeric ids, ISO timestamps, a
# "source" object, blank lines, invalid JSON, empty text, a wrong-typed field, an invalid date.
MESSY = [
    '{"date": "2021-08-11", "text": "The Taliban captured Kunduz on Sunday."}',
    '',
    '{"id": 42, "date": "2021-08-10T09:30:00Z", "source": {"name": "AP"}, '
    '"text": "Pakistan army chief Qamar Javed Bajwa spoke by telephone with Lloyd Austin on Tuesday."}',
    '{"id": "bad json", ',
    '{"id": "empty", "text": "   "}',
    '{"id": "typed", "title": 7, "date": "someday", "text": "Protesters clashed with police in Nairobi."}',
    '[1, 2]',
    '{"id": "last", "date": "2023-01-02", "text": "Russia shelled Kharkiv overnight, officials said."}',
]


def test_messy_jsonl_equals_cli(coder, tmp_path, run_cli):
    path = tmp_path / "messy.jsonl"
    path.write_text("\n".join(MESSY) + "\n", encoding="utf-8")
    lines, cli_errors = run_cli(path)
    assert len(cli_errors) == 5 and lines
    log = []
    assert coder.code_file(path, error_log=log) == [json.loads(line) for line in lines]
    assert log == cli_errors
    # The chunked path Dask uses: every split point gives the same bytes, ids and line numbers.
    whole = "".join(line + "\n" for line in lines).encode()
    data = path.read_bytes()
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == ord("\n")][:-1]
    for cut_line, cut in enumerate(starts[1:], start=2):
        head = coder._impl.code_range(str(path), 0, cut, 1, 1)
        tail = coder._impl.code_range(str(path), cut, -1, cut_line, 2)
        assert head[0] + tail[0] == whole
        assert [json.loads(r) for r in (head[1] + tail[1]).decode().split("\n") if r] == cli_errors
        assert head[2]["articles"] + tail[2]["articles"] == 4


def test_errors_raise_with_cli_messages(coder, tmp_path, run_cli):
    big = "Soldiers attacked the village. " * (1 << 16)  # 2 MiB
    path = tmp_path / "bad.jsonl"
    rows = [{"id": "big", "text": big}, {"id": "empty", "text": ""}, {"id": "none"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _, cli_errors = run_cli(path)
    messages = [e["error"] for e in cli_errors]
    assert messages[0].startswith("text is ") and "over the limit of 1048576" in messages[0]
    for row, message in zip(rows, messages):
        with pytest.raises(ValueError) as info:
            coder.code_many([row])
        assert str(info.value) == message
        assert info.value.record["id"] == row["id"]
    with pytest.raises(dyad.ArticleError, match="^text is .* over the limit of 1048576$"):
        coder.code(big, date="2021-08-11")
    with pytest.raises(ValueError, match="^empty text$"):
        coder.code("  \n ")
    with pytest.raises(ValueError, match="^invalid UTF-8$"):
        coder.code(b"Troops \xff attacked".decode("utf-8", "surrogateescape"))
    log = []
    assert coder.code_many(rows, errors="skip", error_log=log) == []
    assert [e["error"] for e in log] == messages
    with pytest.warns(dyad.DyadWarning, match="invalid date 'someday'"):
        assert coder.code("Protesters clashed with police in Nairobi.", date="someday") is not None


def test_shared_across_threads(coder, examples):
    articles = articles_of(examples / "news.jsonl")
    expected = [coder.code(a["text"], date=a["date"], id=a["id"]) for a in articles]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for _ in range(2):
            got = list(pool.map(lambda a: coder.code(a["text"], date=a["date"], id=a["id"]), articles))
            assert got == expected


def test_coder_is_immutable_and_picklable(coder):
    with pytest.raises(AttributeError):
        coder.include_modal = True
    copy = pickle.loads(pickle.dumps(coder))
    text = "The Taliban captured Kunduz on Sunday."
    assert copy.code(text, date="2021-08-11") == coder.code(text, date="2021-08-11")
    assert coder.lexicon_version and dyad.__version__


def test_to_records(coder, examples):
    events = coder.code_many(articles_of(examples / "news.jsonl"))
    rows = dyad.to_records(events)
    assert len(rows) == len(events)
    columns = list(rows[0])
    assert all(list(r) == columns for r in rows)
    assert [c for c in columns if c in dyad.RECORD_COLUMNS] == list(dyad.RECORD_COLUMNS)
    extra = dyad.to_records([events[1], dict(events[0], zz_new={"a": 1})])  # a field from a newer dyad
    assert list(extra[0]) == list(extra[1]) and list(extra[0])[-2:] == ["lexicon_version", "zz_new_a"]
    assert extra[0]["zz_new_a"] is None and extra[1]["zz_new_a"] == 1
    for row, event in zip(rows, events):
        assert row["source_code"] == event["source"]["code"]
        assert row["trigger_span_begin"] == event["trigger"]["span"][0]
        if event["location"] is None:
            assert row["location_name"] is None and row["location_lat"] is None
        else:
            assert row["location_lat"] == event["location"]["lat"]
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(rows)
    assert list(frame.columns) == columns
    assert frame["cameo"].tolist() == [e["cameo"] for e in events]


def test_missing_data_dir_raises(tmp_path):
    with pytest.raises(OSError):
        dyad.Coder(data_dir=tmp_path / "nowhere")


def test_code_file_other_formats_and_errors(coder, tmp_path, run_cli):
    txt = tmp_path / "report.txt"
    txt.write_text("Taliban seize Kunduz\n\nThe Taliban captured Kunduz on Sunday, officials said.\n", encoding="utf-8")
    lines, _ = run_cli(txt, "--date", "2021-08-11")
    assert lines and coder.code_file(txt, date="2021-08-11") == [json.loads(line) for line in lines]
    with pytest.raises(FileNotFoundError, match="cannot open"):
        coder.code_file(tmp_path / "missing.jsonl")
    with pytest.raises(FileNotFoundError, match="cannot open"):
        coder._impl.code_range(str(tmp_path / "missing.jsonl"))
    with pytest.raises(ValueError, match="invalid date 'someday'"):
        coder.code_file(txt, date="someday")
