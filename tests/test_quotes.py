"""Inline cases for the quotes annotator, in the assertMarkdownRenders style.

Each case is a short article written the way British and wire journalists attribute
quotations, and the quotations expected from it: (first words, speaker, cue kind).
"""

from __future__ import annotations

import pytest

from generator.annotate.document import Document
from generator.annotate.people.annotator import annotate_people
from generator.annotate.quotes.annotator import annotate_quotes
from generator.models import (
    Annotations,
    CleanText,
    Entity,
    Knowledge,
    Outlet,
    Paragraph,
    PersonRef,
    Role,
    SourceText,
)

pytestmark = pytest.mark.fast  # the fast tier: `pytest -m fast` runs the cleaner and annotators alone

ENTITIES = (
    Entity(
        "Keir Starmer", "person", ("Sir Keir", "Sir Keir Starmer"), (Role("Prime Minister", "2024-07-05"),)
    ),
    Entity(
        "Emmanuel Macron", "person", ("President Macron", "Macron"), (Role("French President", "2017-05-14"),)
    ),
    Entity("Shabana Mahmood", "person", ("Ms Mahmood",), (Role("Home Secretary", "2025-09-05"),)),
    Entity("Home Office", "organisation", ("UK Home Office",)),
    Entity("Number 10", "organisation", ("No 10",)),
    Entity("French interior ministry", "organisation", ("France's interior ministry",)),
    Entity("European Union", "organisation", ("EU",)),
    Entity("Labour Party", "party", ("Labour",)),
    Entity("Conservative Party", "party", ("Tories", "Conservatives")),
)
KNOWLEDGE = Knowledge(entities=ENTITIES)


def document_of(source: str, knowledge: Knowledge = KNOWLEDGE) -> Document:
    """One paragraph per non-empty line, as the cleaner makes them."""
    lines = [line for line in source.strip().splitlines() if line.strip()]
    paragraphs = tuple(Paragraph(n, n, line) for n, line in enumerate(lines, 1))
    return Document.read(SourceText("t.txt", source), CleanText(paragraphs, ()), knowledge)


def annotate(source: str, knowledge: Knowledge = KNOWLEDGE) -> Annotations:
    document = document_of(source, knowledge)
    return annotate_quotes(document, annotate_people(document, Annotations()))


def assert_quotes(
    source: str, expected: list[tuple[str, str, str]], knowledge: Knowledge = KNOWLEDGE
) -> None:
    """Compare (start of text, speaker, cue kind) for every quote found."""
    found = annotate(source, knowledge)
    document = document_of(source, knowledge)
    for quote in found.quotes:  # the invariant every quote keeps
        assert quote.text in document.clean.paragraphs[quote.paragraph - 1].text
    actual = [(q.text[: len(e[0])], q.speaker, _kind(q.cue)) for q, e in zip(found.quotes, expected)]
    assert actual == expected and len(found.quotes) == len(expected), [
        (q.text[:40], q.speaker, q.cue) for q in found.quotes
    ]


def _kind(cue: str | None) -> str:
    if cue == "continuation":
        return "continuation"
    return "pronoun" if cue and cue.startswith("pronoun:") else "named"


def test_bbc_style_colon_and_pronoun_and_participle():
    assert_quotes(
        """
The home secretary has defended plans to expand detention, saying the government "will not be deterred by legal challenges from campaigners".
Speaking on Radio 4's Today programme, Shabana Mahmood said: "We have been clear that people who arrive illegally will not be allowed to stay."
"That is the message we are sending to the gangs, and it is working," she added.
The Liberal Democrats' home affairs spokesperson, Lisa Smart, said the plans were "a costly distraction from the real work of clearing the backlog".
""",
        [
            ("will not be deterred", "Shabana Mahmood", "continuation"),
            ("We have been clear", "Shabana Mahmood", "named"),
            ("That is the message", "Shabana Mahmood", "pronoun"),
            ("a costly distraction", "Lisa Smart", "named"),
        ],
    )


def test_guardian_style_paragraph_spanning_quote_statement_and_source():
    assert_quotes(
        """
Charities warned that the new rules could leave thousands of people in limbo.
Enver Solomon, chief executive of the Refugee Council, said: “These measures will do nothing to stop the boats. They will push more people into destitution.
“We urge ministers to think again before it is too late.”
The Home Office said in a statement that it was “determined to restore order to the asylum system and end the use of hotels”.
A Whitehall source said the policy had been “signed off at the highest levels of government last week”.
Asked whether the scheme represented “a good use of taxpayers’ money in a crisis”, the minister declined to comment.
""",
        [
            ("These measures will do nothing", "Enver Solomon", "named"),
            ("We urge ministers", "Enver Solomon", "continuation"),
            ("determined to restore order", "Home Office", "named"),
            ("signed off at the highest", "unnamed Whitehall source", "named"),
        ],
    )


def test_wire_copy_after_cues_and_split_quote():
    assert_quotes(
        """
LONDON (Reuters) - Britain and France agreed on Thursday to step up patrols on beaches in northern France.
"We are determined to break the business model of the people smugglers once and for all," British Prime Minister Keir Starmer told reporters in London.
French President Emmanuel Macron said the deal was "a turning point in our co-operation on migration", adding that more was needed.
"It's a first step, not the end of the road at all," Macron said. "We have to go further together, with our European partners."
""",
        [
            ("We are determined to break", "Keir Starmer", "named"),
            ("a turning point", "Emmanuel Macron", "named"),
            ("It's a first step", "Emmanuel Macron", "named"),
            ("We have to go further", "Emmanuel Macron", "continuation"),
        ],
    )


def test_live_blog_spokespeople_and_titles():
    assert_quotes(
        """
10.42am
Tory leader Kemi Badenoch has said her party would leave the European Convention on Human Rights if that was what it took.
"We cannot keep doing the same thing and expecting a different result," she told the Sun.
10.15am
A Downing Street spokeswoman said: "The Prime Minister has been clear that this is unacceptable and he is determined to get a grip on it."
A UK Home Office spokesman added: “We will not stand by while criminal gangs put lives at risk in the Channel.”
Sir Keir later told MPs the figures were “a stain on the last government’s record that we are clearing up”.
The PM also said he was “not going to apologise for being tough on the gangs”.
""",
        [
            ("We cannot keep doing", "Kemi Badenoch", "pronoun"),
            ("The Prime Minister has been clear", "Downing Street spokesperson", "named"),
            ("We will not stand by", "Home Office spokesperson", "named"),
            ("a stain on the last", "Keir Starmer", "named"),
            ("not going to apologise", "Keir Starmer", "named"),
        ],
    )


def test_organisation_pronoun_and_continuations():
    assert_quotes(
        """
France's interior ministry confirmed that talks with London were continuing.
It said: "France wants to discourage migrants from attempting the crossing to the UK."
"Any agreement must be reciprocal and must respect European law in every respect."
""",
        [
            ("France wants to discourage", "French interior ministry", "pronoun"),
            ("Any agreement must be", "French interior ministry", "continuation"),
        ],
    )


def test_scare_quotes_and_interviewer_words_are_not_quotes():
    assert_quotes(
        """
The minister described the plan as a "game changer" for the "broken" system.
Asked about claims the policy was "cruel and unworkable and will never get off the ground", Mr Jones said he disagreed.
""",
        [],
    )


def test_gender_picks_the_right_pronoun_antecedent():
    assert_quotes(
        """
Sarah Jones, the shadow policing minister, met Tom Smith, the mayor of Dover, on Monday.
Ms Jones said afterwards that ministers "had not done nearly enough to protect this coastline".
Mr Smith said the town was "at breaking point after years of neglect by Westminster".
"She is right that nobody in government has listened to us," he said.
""",
        [
            ("had not done nearly enough", "Sarah Jones", "named"),
            ("at breaking point", "Tom Smith", "named"),
            ("She is right that nobody", "Tom Smith", "pronoun"),
        ],
    )


def test_cut_off_quote_is_bounded_to_its_paragraph():
    found = annotate(
        'Mr Smith said: "We will keep going until every one of these gangs is\nRead more about this story'
    )
    assert [q.text for q in found.quotes] == ["We will keep going until every one of these gangs is"]


def test_never_raises_on_odd_text():
    for source in ["", '"', "“”“", "\x00\x01 said: “" + "x " * 5000, "said said said “a b c d e f g”"]:
        annotate(source)


def test_cue_inside_a_sentence_and_who_clauses():
    assert_quotes(
        """
Dover MP Mike Tapp, who has campaigned on the issue for years, said: "People in this town are tired of being told to wait."
"We are ready to help," he said, "but France must act now on the beaches and stop the boats."
Government sources say a deal is close.
"The French have finally accepted that something has to change," said one source.
""",
        [
            ("People in this town", "Mike Tapp", "named"),
            ("but France must act", "Mike Tapp", "pronoun"),
            ("The French have finally", "unnamed Government source", "named"),
        ],
    )


def test_the_answer_after_an_interviewers_question_is_a_quote():
    assert_quotes(
        """
Ministers defended the returns scheme on Monday.
Asked whether the scheme would survive a legal challenge, "We are confident it will stand up in every court," Mr Okafor said.
""",
        [("We are confident it will stand up", "Mr Okafor", "named")],
    )


def test_a_peer_known_only_by_title_is_named_as_the_article_names_him():
    assert_quotes(
        """
The court's judgment was read out in a packed courtroom on Wednesday.
Lord Hale, the president of the court, said the minister had acted "without any lawful basis for the removals".
""",
        [("without any lawful basis for the removals", "Lord Hale", "named")],
    )


def test_a_body_named_after_an_outlet_speaks_as_an_organisation():
    source = 'Evening Clarion said: "The crossings are out of control."'
    assert annotate(source).people == (PersonRef("Evening Clarion", None),)  # nothing says otherwise
    knowledge = Knowledge(entities=ENTITIES, outlets=(Outlet("Evening Clarion", (), ("Clarion",)),))
    found = annotate(source, knowledge)
    assert [(q.speaker, q.role) for q in found.quotes] == [("Evening Clarion", None)]
    assert found.people == ()


def test_a_bare_spokesperson_speaks_for_the_body_named_in_the_sentence_before():
    assert_quotes(
        """
Number 10 said on Tuesday that the scheme would be extended to families arriving by boat.
"We expect the first cases to be processed within a matter of weeks," a spokesperson said.
""",
        [("We expect the first cases", "Number 10 spokesperson", "named")],
    )


def test_a_spokesperson_in_a_clause_about_a_body_keeps_that_body():
    assert_quotes(
        'The Home Office declined to discuss the figures, with a spokesperson saying "we never comment on individual operations at sea".',
        [("we never comment on individual operations", "Home Office spokesperson", "named")],
    )


def test_the_charity_points_back_to_the_charity_just_quoted():
    assert_quotes(
        """
Doctors of the World urged ministers to "open a humanitarian visa route for those stranded in northern France".
"Nobody should have to risk their life in a dinghy to claim asylum," the charity warned.
""",
        [
            ("open a humanitarian visa route", "Doctors of the World", "named"),
            ("Nobody should have to risk", "Doctors of the World", "named"),
        ],
        Knowledge(entities=(*ENTITIES, Entity("Doctors of the World", "organisation"))),
    )


def test_the_court_points_back_to_the_court_named_earlier():
    assert_quotes(
        """
The High Court heard the challenge brought by three asylum seekers last month.
The policy "fails to take account of the risk of onward removal to an unsafe country," the court ruled.
""",
        [("fails to take account of the risk", "High Court", "named")],
    )


def test_a_source_close_to_a_minister_and_then_the_source():
    assert_quotes(
        """
A source close to Ms Mahmood told reporters that the talks had stalled.
"There is no point meeting if the other side will not move an inch," said the source.
""",
        [("There is no point meeting", "unnamed source close to Shabana Mahmood", "named")],
    )


def test_a_spokesperson_followed_by_a_name_is_that_person():
    assert_quotes(
        'Their immigration spokesperson Jo Fairweather says "the backlog will only grow while the hotels stay open".',
        [("the backlog will only grow", "Jo Fairweather", "named")],
    )


def test_an_opening_phrase_naming_someone_else_does_not_take_the_pronoun():
    assert_quotes(
        """
President Macron wrote to Sir Keir on Friday about the "shared responsibility" of both countries.
Responding to Ms Mahmood's remarks in the Commons, he added: "France will not be lectured on how to police its own beaches."
""",
        [("France will not be lectured", "Emmanuel Macron", "pronoun")],
    )


def test_he_added_goes_on_with_the_man_last_quoted():
    assert_quotes(
        """
"We have doubled the patrols on the beaches," President Macron told reporters in Paris.
Sir Keir was due to travel to Calais later in the week to meet officials.
"Nobody can say we have not done our part in this," he added.
""",
        [
            ("We have doubled the patrols", "Emmanuel Macron", "named"),
            ("Nobody can say we have not", "Emmanuel Macron", "pronoun"),
        ],
    )


def test_a_party_that_opens_the_sentence_is_what_they_refers_to():
    assert_quotes(
        """
Mr Okafor said the bill "will finally give the police the powers they have asked for".
The Conservatives have tried to set out a tougher position. They have been emphasising the need for a cap that is "set by Parliament every single year".
""",
        [
            ("will finally give the police", "Mr Okafor", "named"),
            ("set by Parliament every single year", "Conservative Party", "pronoun"),
        ],
    )


def test_tabloid_single_quotes_across_paragraphs():
    assert_quotes(
        """
Ms Mahmood met French officials in Paris on Tuesday.
A UK Home Office spokesman said: 'Nobody should be risking their life in a flimsy dinghy in winter.
'We are working with our partners every day to shut these routes down for good.'
‘Every boat we stop is a life that could have been lost,’ Ms Mahmood said.
'We will keep going until the job is done,' said Sir Keir Starmer.
""",
        [
            ("Nobody should be risking", "Home Office spokesperson", "named"),
            ("We are working with our partners", "Home Office spokesperson", "continuation"),
            ("Every boat we stop", "Shabana Mahmood", "named"),
            ("We will keep going", "Keir Starmer", "named"),
        ],
    )


def test_apostrophes_are_not_quote_marks():
    assert_quotes(
        """
Sir Keir said the Smiths' boat was stopped in the ’90s and that he didn't think it mattered much.
Mr O'Neill, who ran a rock ’n’ roll bar in Dover, told 'em it wasn't the town's fault at all.
'I don't think the Joneses' dinghy should ever have left the beach that night,' he said.
""",
        [("I don't think the Joneses' dinghy", "Mr O'Neill", "pronoun")],
    )


def test_single_scare_quotes_do_not_swallow_the_paragraph():
    assert_quotes(
        """
Critics said the 'stop the boats' pledge and the ‘one in, one out’ deal had failed, Ms Mahmood said, 'and everyone in this country can now see it.'
The Tories called the plan 'naive', but Sir Keir said it was working and that the numbers would come down soon.
""",
        [("and everyone in this country", "Shabana Mahmood", "named")],
    )


def test_single_marks_inside_double_ones_are_quotes_within_quotes():
    assert_quotes(
        """
Ms Mahmood said: "People tell me 'just stop the boats' as if it were that simple, and it is not."
'When they say "send them back" they never say where to,' Sir Keir said.
""",
        [
            ("People tell me 'just stop the boats'", "Shabana Mahmood", "named"),
            ('When they say "send them back"', "Keir Starmer", "named"),
        ],
    )


def test_a_stray_opening_apostrophe_and_a_misencoded_mark():
    assert_quotes(
        """
The skipper told 'em to sit still, Ms Mahmood said, 'and not one of them listened to a word he said.'
Sir Keir said: '˜We have put more officers on the French beaches than ever before.
""",
        [
            ("and not one of them listened", "Shabana Mahmood", "named"),
            ("We have put more officers", "Keir Starmer", "named"),
        ],
    )
