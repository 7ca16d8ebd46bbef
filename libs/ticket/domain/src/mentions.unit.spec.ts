import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newlyMentioned, parseMentions } from './mentions.js';

describe('parseMentions', () => {
  it('reads the data-id of mention spans, as the web app writes them', () => {
    const html =
      '<p>Hi <span data-type="mention" data-id="sam@example.com" data-label="Sam">@Sam</span>, ' +
      'and <span data-type="mention" data-id="kim@example.com" data-label="Kim">@Kim</span></p>';
    assert.deepEqual(parseMentions(html), ['sam@example.com', 'kim@example.com']);
  });

  it('accepts attributes in any order, any case and with either quote', () => {
    const html =
      "<span data-label='Sam' data-id='sam@example.com' data-type='mention'>@Sam</span>" +
      '<SPAN DATA-ID="kim@example.com" class="mention" Data-Type="mention">@Kim</SPAN>' +
      '<span data-type=mention data-id=lee@example.com>@Lee</span>';
    assert.deepEqual(parseMentions(html), [
      'sam@example.com',
      'kim@example.com',
      'lee@example.com',
    ]);
  });

  it('finds mentions nested in other tags and tags nested in mentions', () => {
    const html =
      '<ul><li><strong><span data-type="mention" data-id="sam@example.com"><em>@Sam</em></span>' +
      '</strong></li></ul>';
    assert.deepEqual(parseMentions(html), ['sam@example.com']);
  });

  it('lists each user once, in order of first mention', () => {
    const span = (id: string) => `<span data-type="mention" data-id="${id}">@x</span>`;
    const html = span('b@x.com') + span('a@x.com') + span('b@x.com');
    assert.deepEqual(parseMentions(html), ['b@x.com', 'a@x.com']);
  });

  it('decodes HTML entities in data-id', () => {
    const html =
      '<span data-type="mention" data-id="o&#39;neil@example.com">@O</span>' +
      '<span data-type="mention" data-id="r&amp;d@example.com">@R</span>' +
      '<span data-type="mention" data-id="&#x6b;im@example.com">@K</span>' +
      '<span data-type="mention" data-id="&quot;q&quot;@example.com">@Q</span>';
    assert.deepEqual(parseMentions(html), [
      "o'neil@example.com",
      'r&d@example.com',
      'kim@example.com',
      '"q"@example.com',
    ]);
  });

  it('leaves unknown entities as they are', () => {
    const html = '<span data-type="mention" data-id="a&bogus;b@x.com">@A</span>';
    assert.deepEqual(parseMentions(html), ['a&bogus;b@x.com']);
  });

  it("keeps a '>' inside a quoted attribute value", () => {
    const html = '<span data-label="a > b" data-type="mention" data-id="sam@example.com">@S</span>';
    assert.deepEqual(parseMentions(html), ['sam@example.com']);
  });

  it('ignores spans that are not mentions, other elements, empty ids and escaped text', () => {
    const html =
      '<span data-type="link" data-id="no@x.com">x</span>' +
      '<a data-type="mention" data-id="anchor@x.com">x</a>' +
      '<span data-type="mention" data-id="  ">x</span>' +
      '<span data-type="mention">x</span>' +
      '&lt;span data-type="mention" data-id="text@x.com"&gt;' +
      '<!-- <span data-type="mention" data-id="comment@x.com"> -->';
    assert.deepEqual(parseMentions(html), []);
  });

  it('copes with plain text and broken markup', () => {
    assert.deepEqual(parseMentions(''), []);
    assert.deepEqual(parseMentions('a < b and c > d'), []);
    assert.deepEqual(parseMentions('<span data-type="mention" data-id="sam@x.com'), []);
    assert.deepEqual(parseMentions('<span data-type="mention" data-id="sam@x.com">'), [
      'sam@x.com',
    ]);
    assert.deepEqual(
      parseMentions('<!-- never closed <span data-type="mention" data-id="a@x">'),
      [],
    );
  });

  it('takes the first of two attributes with the same name', () => {
    const html = '<span data-type="mention" data-id="first@x.com" data-id="second@x.com">@F</span>';
    assert.deepEqual(parseMentions(html), ['first@x.com']);
  });
});

describe('newlyMentioned', () => {
  it('keeps only users not mentioned before', () => {
    assert.deepEqual(newlyMentioned(['a', 'b'], ['b', 'c', 'a', 'd']), ['c', 'd']);
  });
});
