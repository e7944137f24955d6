"""Extraction behaviours on sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

PUB = "2015-10-05"  # a Monday


def events(pipeline, text, **kw):
    return pipeline.extract(text, published=PUB, **kw)


def one(pipeline, text, type_, **kw):
    found = [e for e in events(pipeline, text, **kw) if e.plover_type == type_]
    assert found, f"no {type_} in {[(e.plover_type, e.source, e.target) for e in events(pipeline, text, **kw)]}"
    return found[0]


def key(actor):
    return actor.key if actor is not None else None


def test_active_voice_source_and_target(pipeline):
    e = one(pipeline, "Turkish warplanes shot down a Russian jet near the Syrian border on Tuesday.", "ASSAULT")
    assert (key(e.source), key(e.target)) == ("TUR", "RUS")
    assert e.source.sector == "MIL"


def test_passive_voice_by_agent(pipeline):
    e = one(pipeline, "The village was shelled by Syrian government forces.", "ASSAULT")
    assert key(e.source) == "SYR"


def test_coordinated_places_all_kept(pipeline):
    e = one(pipeline, "Russian jets bombed rebel positions in Hama, Homs, and Idlib.", "ASSAULT")
    names = {p.name for p in e.places}
    assert {"Homs"} <= names and len(e.places) == 3
    assert all(p.country == "SYR" for p in e.places)


def test_metonym_capital_is_the_state(pipeline):
    e = one(pipeline, "Ankara condemned the Kremlin on Monday.", "ACCUSE")
    assert (key(e.source), key(e.target)) == ("TUR", "RUS")
    assert e.when is not None and e.when.start == date(2015, 10, 5)


def test_relative_date_last_week(pipeline):
    e = one(pipeline, "Last week France criticised Russia.", "ACCUSE")
    assert (e.when.start, e.when.end) == (date(2015, 9, 28), date(2015, 10, 4))


def test_made_in_is_not_an_actor(pipeline):
    text = "A Russian-made helicopter attacked Kurdish fighters."
    for e in events(pipeline, text, include_unasserted=True):
        assert key(e.source) != "RUS"


def test_pronoun_resolves_to_previous_subject(pipeline):
    text = "NATO met in Brussels on Monday. They called on Russia to withdraw its troops."
    e = one(pipeline, text, "REQUEST")
    assert (key(e.source), key(e.target)) == ("NATO", "RUS")


def test_quote_attributed_to_issuer_of_statement(pipeline):
    text = (
        "The European Union issued a statement on Monday.\n\n"
        '"We condemn the attacks on civilians by the Syrian army," the statement read.'
    )
    e = one(pipeline, text, "ACCUSE")
    assert key(e.source) == "EU"
    assert key(e.mentions[0].attribution) == "EU"


def test_negated_event_is_not_asserted(pipeline):
    text = "Russian aircraft did not strike Aleppo."
    assert not [e for e in events(pipeline, text) if e.plover_type == "ASSAULT"]
    moods = {e.modality for e in events(pipeline, text, include_unasserted=True)}
    assert "negated" in moods


@pytest.mark.parametrize(
    "text, mood",
    [
        ("The UN urged Israel to bomb Gaza less.", "requested"),
        ("Russia plans to strike Ukrainian cities next month.", "future"),
        ("Russia could strike Ukrainian cities.", "hypothetical"),
    ],
)
def test_modalities(pipeline, text, mood):
    moods = {e.modality for e in events(pipeline, text, include_unasserted=True) if e.plover_type == "ASSAULT"}
    assert mood in moods
    assert "asserted" not in moods


def test_what_an_if_clause_tells_at_any_depth_is_only_supposed(pipeline):
    text = "If the Alabama Republican Party tells officials that the party wants to withdraw its nominee, the vote is void."
    found = after_opening(events(pipeline, US_OPENING + text, include_unasserted=True))
    assert found and {e.modality for e in found} == {"hypothetical"}


def test_stopping_force_requested_is_a_requested_ceasefire(pipeline):
    found = events(pipeline, "The UN urged Israel to stop bombing Gaza.", include_unasserted=True)
    assert not [e for e in found if e.plover_type == "ASSAULT" and e.modality == "asserted"]
    assert {"REQUEST"} <= {e.plover_type for e in found if e.modality == "asserted"}
    assert [e for e in found if e.plover_type == "RETREAT" and e.modality == "requested"]


def test_frames_recode_events(pipeline):
    def types(text):
        return {e.plover_type for e in events(pipeline, text)}

    assert "SANCTION" in types("The United States cut military aid to Egypt.")
    assert "REJECT" in types("Russia refused to meet the Ukrainian delegation.")
    assert "AGREE" in types("Iran will release the British sailors.")
    assert "AGREE" in types("Israel and Hamas reached an agreement on Monday.")  # a deal negotiated (GUIDE)
    # a deal striven for is not reached
    assert "AGREE" not in types("Britain and the EU are racing to finalise a trade deal.")
    assert "AGREE" not in types("EU ministers struggled on Monday to finalise new steel rules.")
    assert "THREATEN" in types("Iran will attack Israel if it strikes its nuclear sites.")


def test_keyword_line_and_caption_yield_nothing(pipeline):
    text = (
        "Headline about diplomacy\n\n"
        "NATO Russia airstrikes civilians\n"
        "Soldiers attack a village near Homs in this handout picture. John Smith/Reuters\n\n"
        "Nothing else happened today."
    )
    assert events(pipeline, text, include_unasserted=True) == []


def test_same_event_reported_twice_is_fused(pipeline):
    text = "NATO urged Russia to withdraw. Later on Monday, NATO again urged Russia to withdraw."
    requests = [e for e in events(pipeline, text) if e.plover_type == "REQUEST"]
    assert len(requests) == 1 and len(requests[0].mentions) == 2


def test_both_ontologies_on_every_event(pipeline):
    for e in events(pipeline, "Israeli jets struck Hamas targets in Gaza on Sunday."):
        assert e.plover_type and e.cameo_code and e.cameo_name
        assert -10 <= e.goldstein <= 10 and e.quad_class in (1, 2, 3, 4)


def _text(text, span):
    return text[span.start : span.end] if span is not None else None


def test_dateline_is_not_the_source(pipeline):
    text = "OTTAWA (AP) -- Canadian Foreign Minister Jane Doe condemned the Iranian missile test on Monday."
    e = one(pipeline, text, "ACCUSE")
    assert key(e.source) == "CAN"
    assert "OTTAWA" not in _text(text, e.mentions[0].source_span)


def test_party_in_dative_phrase_not_the_thing_given(pipeline):
    text = "Ecuador granted political asylum to Julian Assange."
    e = one(pipeline, text, "AID")
    assert _text(text, e.mentions[0].target_span) == "Julian Assange"


def test_us_is_a_country_not_a_pronoun(pipeline):
    e = one(pipeline, "China demanded that the US cancel its planned weapons sale.", "REQUEST")
    assert (key(e.source), key(e.target)) == ("CHN", "USA")


def test_event_noun_target_points_at_its_party(pipeline):
    text = "Pakistan refused a request from India to cross its airspace."
    e = one(pipeline, text, "REJECT")
    assert key(e.target) == "IND"
    assert _text(text, e.mentions[0].target_span) == "India"


def test_coordinated_modifiers_make_a_joint_act(pipeline):
    text = "Greek and Turkish negotiators signed a fisheries agreement on Friday."
    found = [e for e in events(pipeline, text) if {key(e.source), key(e.target)} == {"GRC", "TUR"}]
    assert found, [(e.plover_type, key(e.source), key(e.target)) for e in events(pipeline, text)]


def test_participle_of_a_document_speaks_for_its_author(pipeline):
    text = "Amnesty International published a report accusing the Nigerian army of abuses."
    e = one(pipeline, text, "ACCUSE")
    assert key(e.target) == "NGA"
    assert _text(text, e.mentions[0].source_span) == "Amnesty International"


def test_rights_monitors_named_by_their_role_accuse(pipeline):
    text = "Human rights monitors accused Myanmar's army of abuses against villagers in the north."
    e = one(pipeline, text, "ACCUSE")
    assert key(e.target) == "MMR" and e.source is not None and e.source.sector == "HRI"


def test_subjectless_participle_is_part_of_the_main_event(pipeline):
    found = events(pipeline, "Russian troops stormed the town on Monday, killing twelve Ukrainian soldiers.")
    assert [(e.plover_type, key(e.source)) for e in found] == [("ASSAULT", "RUS")]


def test_a_participle_asking_for_an_act_is_the_news(pipeline):
    # the resignation asked for is no main event that would make the call a mere detail
    text = "The Egyptian foreign ministry issued a statement calling for Prime Minister Ali Musa to resign."
    e = one(pipeline, text, "REQUEST")
    assert (key(e.source), e.modality) == ("EGY", "asserted")
    assert [x.modality for x in events(pipeline, text) if x.plover_type == "RETREAT"] == []


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Two women came forward on Wednesday with allegations against Senator Hale.", "ACCUSE"),
        ("Party leaders responded with demands that Senator Hale quit the race.", "REQUEST"),
        ("Senate Democrats pushed ahead on Tuesday with their investigation of Senator Hale.", "ACCUSE"),
    ],
)
def test_an_act_told_by_what_someone_answered_with(pipeline, text, type_):
    e = one(pipeline, US_OPENING + text, type_)
    assert (key(e.source), key(e.target), e.modality) == ("USA", "USA", "asserted")


def test_background_clause_with_its_own_subject_is_kept(pipeline):
    text = "NATO met with Turkish officials on Monday after Russian jets had violated Turkish airspace."
    found = {(e.plover_type, key(e.source), key(e.target)) for e in events(pipeline, text)}
    assert ("CONSULT", "NATO", "TUR") in found
    assert any(src == "RUS" and tgt == "TUR" for _, src, tgt in found)


def test_known_event_object_of_a_reaction_is_not_news(pipeline):
    found = events(pipeline, "France condemned the bombing of a hospital in Aleppo.")
    assert [e.plover_type for e in found] == ["ACCUSE"]


def test_mediation_between_two_parties(pipeline):
    e = one(pipeline, "Norway launched a mediation effort between Colombia and Venezuela.", "CONSULT")
    assert (key(e.source), key(e.target)) == ("NOR", "COL")


def test_joint_failure_to_agree(pipeline):
    e = one(pipeline, "Germany and France failed to reach agreement on the budget.", "REJECT")
    assert (key(e.source), key(e.target)) == ("DEU", "FRA")


def test_each_party_named_together_does_a_one_sided_act(pipeline):
    found = dyads(events(pipeline, "France and Britain condemned the Syrian attack on Aleppo."))
    assert {("ACCUSE", "FRA", "SYR"), ("ACCUSE", "GBR", "SYR")} <= found
    # a joint veto is both at a third, never one at the other
    found = dyads(events(pipeline, "Russia and China rejected the US proposal on Syria."))
    assert {("REJECT", "RUS", "USA"), ("REJECT", "CHN", "USA")} <= found
    assert ("REJECT", "RUS", "CHN") not in found
    # a joint act of two names the second as its target, no third party
    assert dyads(events(pipeline, "Iran and Iraq signed an agreement.")) == {("SUPPORT", "IRN", "IRQ")}


@pytest.mark.parametrize(
    "text",
    [
        "Senator Susan Collins is opposed to the Republican plan.",  # parsed as a passive verb
        "The Reagan administration is totally opposed to Democratic suggestions that stocks be taxed.",  # an adjective
        "The special counsel's office waved off the transition team's complaint.",
        "Republican senators balked at the White House plan.",
        "The White House dismissed the criticism from Democrats.",
        "The White House turned down the Democrats' offer of talks.",
        # CAMEO.2.0 files "reject" with "deny", whose bare row is no event
        "Senate Democrats rejected the White House plan on Monday.",
    ],
)
def test_turning_down_what_another_side_asks_or_says(pipeline, text):
    assert ("REJECT", "USA", "USA") in dyads(after_opening(events(pipeline, US_OPENING + text)))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Senator Hale has drawn criticism from Democrats.", "ACCUSE"),
        ("Senator Hale faced criticism from Democrats.", "ACCUSE"),
        ("Senator Hale won praise from Democrats.", "SUPPORT"),
        ("Senator Hale came under fire from Democrats.", "ACCUSE"),
    ],
)
def test_what_one_draws_from_another_is_the_others_act(pipeline, text, type_):
    e = one(pipeline, US_OPENING + text, type_)
    assert _text(US_OPENING + text, e.mentions[0].source_span) == "Democrats"
    assert _text(US_OPENING + text, e.mentions[0].target_span) == "Senator Hale"
    # fire from armed men is fire
    found = events(pipeline, "KABUL (Reuters) - Afghan troops came under fire from Taliban militants.")
    assert ("ASSAULT", "TAL", "AFG") in dyads(found)


def test_a_body_meeting_with_no_one_else_consults_within_its_side(pipeline):
    found = dyads(events(pipeline, "WASHINGTON (Reuters) - The Alabama Republican Party leadership met on Wednesday night."))
    assert found == {("CONSULT", "USA", "USA")}
    # an organisation's ministers meet within no one; the town they meet in is no party
    assert dyads(events(pipeline, "OPEC ministers gathered in Vienna on Thursday.")) == {("CONSULT", "OPEC", None)}
    # a person meeting no one named is no event; two parties meet each other
    assert not events(pipeline, "WASHINGTON (Reuters) - Trump met on Monday.")
    assert dyads(events(pipeline, "Putin and Erdogan met in Sochi on Monday.")) == {("CONSULT", "RUS", "TUR")}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Senator Hale renewed his call for Moore to step aside.", "REQUEST"),  # "for" marking a clause
        ("Democrats in the House and Senate made a strong pitch for the bill.", "REQUEST"),
        ("Senator Hale issued a stern rebuke of Trump on Tuesday.", "ACCUSE"),
    ],
)
def test_calls_pitches_and_rebukes_told_by_their_nouns(pipeline, text, type_):
    assert (type_, "USA", "USA") in dyads(after_opening(events(pipeline, US_OPENING + text)))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Representative Kevin Brady, asked if it was true that the deduction would stay, said no.", False),
        ("Senator Hale asked whether the White House would comply.", False),
        ("The White House did not immediately respond to a Reuters request for comment.", False),
        ("A South Asia strategy calls for a firmer line toward Islamabad.", False),  # what a policy says
        ("Senator Hale asked for Congress to act immediately.", True),
        ("Senator Hale asked the court to reconsider.", True),
        # a view put forward is no proposal
        ("Senator Hale suggested there could have been far more undetected Russian content.", False),
        ("Senator Hale suggested that the companies had not done enough.", False),
        ("Senator Hale suggested that talks should resume.", True),
        ("Senator Hale suggested that Facebook hand over its records.", True),
        # what "we" must do is asked of no one
        ("Senator Hale said we must act now.", False),
        ("Senator Hale said the White House must act now.", True),
    ],
)
def test_questions_views_press_requests_and_policy_papers_ask_for_nothing(pipeline, text, asked):
    found = after_opening(events(pipeline, US_OPENING + text))
    assert ("REQUEST" in {e.plover_type for e in found}) == asked


def test_a_crash_is_no_slam(pipeline):
    assert not after_opening(events(pipeline, US_OPENING + "A car slammed into a wall in Ohio on Monday."))


def test_words_to_another_side_of_ones_state_stay_with_it(pipeline):
    text = "WASHINGTON (Reuters) - Trump urged senior Senate Republicans to end the probe into Russia's meddling."
    found = dyads(events(pipeline, text))
    assert ("REQUEST", "USA", "USA") in found and ("REQUEST", "USA", "RUS") not in found
    # a state's own troops are no party: where they leave is
    assert ("RETREAT", "RUS", "SYR") in dyads(events(pipeline, "Russia withdrew Russian troops from Syria."))


def test_it_is_no_person_and_no_group(pipeline):
    text = "Most Republicans voted for the bill anyway, saying it would help businesses and individuals."
    assert not after_opening(events(pipeline, US_OPENING + text))
    assert ("AGREE", "RUS", "SYR") in dyads(events(pipeline, "Russia said it would help Syria rebuild."))
    # nor is "them" one person: not "the official" who accuses them
    text = "The official dismissed the Democrats' idea. He accused them of being overly critical."
    assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, US_OPENING + text)))



@pytest.mark.parametrize(
    "text, dyad",
    [
        # a group named again by "the" and its head noun is the group named before
        ("BEIJING (Reuters) - Indian troops crossed the border. The troops attacked Chinese personnel.", ("ASSAULT", "IND", "CHN")),
        # a body meeting to discuss a thing meets no one else
        (
            "BRUSSELS (Reuters) - Pay talks ended on Monday. EC industry ministers were meeting to discuss a plan for plant closures.",
            ("CONSULT", "EEC", None),
        ),
    ],
)
def test_a_group_named_again_and_a_meeting_about_a_thing(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


def test_the_dummy_it_of_an_infinitive_after_a_copula_is_no_doer(pipeline):
    from eventwire.extract.syntax import subject

    def meet(text):
        return next(t for t in pipeline.nlp(text) if t.text == "meet")

    # "it had been a shock to meet Trump": "it" stands for the meeting, no one meets
    told = "He told diplomats in Belgium that it had been a bit of a shock to meet Trump for the first time."
    assert subject(meet(told))[0] is None
    assert subject(meet("Russia said it was ready to meet the rebels."))[0].text == "it"


def test_frame_verb_gives_way_to_its_complement_whatever_its_type(pipeline):
    found = events(pipeline, "Egypt agreed on Monday to lift a blockade on Gaza.")
    assert [(e.plover_type, key(e.source), key(e.target)) for e in found] == [("AGREE", "EGY", "PSE")]


def test_foreign_place_is_the_party_of_an_act_without_one(pipeline):
    e = one(pipeline, "Qatar declared a ceasefire in Libya.", "RETREAT")
    assert (key(e.source), key(e.target)) == ("QAT", "LBY")


def test_thing_acted_on_points_at_its_owner(pipeline):
    e = one(pipeline, "Poland demanded an immediate admission by Moscow.", "REQUEST")
    assert (key(e.source), key(e.target)) == ("POL", "RUS")
    assert e.target.text == "Moscow"


@pytest.mark.parametrize(
    "text, type_",
    [
        ("PARIS -- Turkish Prime Minister Ahmet Davutoglu said on Monday that he had rejected a request from Greece.", "REJECT"),
        ("PARIS (Reuters): Turkish Prime Minister Ahmet Davutoglu met with Greek officials on Monday.", "CONSULT"),
        ("PARIS - A Turkish attack on a Kurdish village has killed 20 people.", "ASSAULT"),
    ],
)
def test_dateline_is_never_the_source(pipeline, text, type_):
    assert key(one(pipeline, text, type_).source) == "TUR"


def test_own_act_as_object_points_at_its_party(pipeline):
    e = one(pipeline, "Saudi Arabia lifted its blockade of Yemen.", "RETREAT")
    assert (key(e.source), key(e.target)) == ("SAU", "YEM")


def test_thing_made_by_a_party_points_at_the_participle_agent(pipeline):
    e = one(pipeline, "Kenya rejected a proposal drafted by lawyers for the opposition.", "REJECT")
    assert key(e.source) == "KEN"
    assert e.target.text.startswith("lawyers")


def test_partner_of_a_reciprocal_act_is_its_with_phrase(pipeline):
    e = one(pipeline, "Japan shared evidence with South Korea.", "COOPERATE")
    assert (key(e.source), key(e.target)) == ("JPN", "KOR")


def test_count_of_people_is_who_the_of_phrase_names(pipeline):
    e = one(pipeline, "Thousands of workers in Chile protested against the government.", "PROTEST")
    assert e.source is not None and e.source.sector == "LAB"


def test_event_noun_riding_on_a_carrier_noun(pipeline):
    e = one(pipeline, "Norway announced a suspension of aid to Malawi.", "SANCTION")
    assert (key(e.source), key(e.target)) == ("NOR", "MWI")


def test_same_act_participle_names_the_target(pipeline):
    e = one(pipeline, "Turkish jets carried out a raid, targeting Kurdish militants.", "ASSAULT")
    assert key(e.source) == "TUR" and e.target is not None and "militants" in e.target.text


# -- round 6: aims of protests and threats, reported demands and intentions, lone parties ------


def test_protest_aimed_at_the_party_of_its_purpose(pipeline):
    text = "About 200 Kurdish farmers began a hunger strike on Friday to protest against Germany's plan to deport them."
    e = one(pipeline, text, "PROTEST")
    assert key(e.target) == "DEU"


def test_protest_in_protest_against(pipeline):
    e = one(pipeline, "Miners staged a rally in Warsaw in protest against the Polish government.", "PROTEST")
    assert key(e.target) == "POL"


def test_threat_aimed_at_the_party_of_its_condition(pipeline):
    text = "Syria threatened to walk out of the talks unless Israel withdrew its troops."
    e = one(pipeline, text, "THREATEN")
    assert (key(e.source), key(e.target)) == ("SYR", "ISR")


def test_threat_aimed_at_the_object_of_the_threatened_act(pipeline):
    e = one(pipeline, "Iran threatened to shell Iraqi border towns.", "THREATEN")
    assert key(e.target) == "IRQ"


def test_reported_must_is_a_demand_by_the_speaker(pipeline):
    text = "Russia said on Monday that Ukraine must return the seized ships."
    e = one(pipeline, text, "REQUEST")
    assert e.modality == "asserted"
    assert (key(e.source), key(e.target)) == ("RUS", "UKR")


def test_reported_would_is_an_announced_intention(pipeline):
    text = "Kenya said it would allow the World Health Organization to inspect its clinics."
    e = one(pipeline, text, "AGREE")
    assert e.modality == "asserted"
    assert key(e.source) == "KEN"


def test_blame_falls_on_the_agent_of_the_deed(pipeline):
    text = "Bosnia is investigating alleged abuses by Croatian militias against Serb civilians."
    e = one(pipeline, text, "ACCUSE")
    assert key(e.target) == "HRV"
    # a claim's deed is whom the claim names, not the investigating panel's own state
    text = "The Senate panel is investigating allegations that Russia sought to influence the election."
    e = one(pipeline, US_OPENING + text, "ACCUSE")
    assert (key(e.source), key(e.target)) == ("USA", "RUS")


def test_rallying_behind_someone_is_support(pipeline):
    text = "Democrats in the House of Representatives rallied behind Special Counsel Robert Mueller."
    assert [e.plover_type for e in after_opening(events(pipeline, US_OPENING + text))] == ["SUPPORT"]


def test_a_rally_of_people_is_a_protest(pipeline):
    # prices named in another clause do not make it theirs
    text = "Thousands of Venezuelan opposition supporters held a rally in Caracas as oil prices rose."
    e = one(pipeline, text, "PROTEST")
    assert key(e.source) == "VEN"


def test_exploring_options_is_no_inquiry(pipeline):
    text = "Republican leaders said they are exploring write-in options for the election."
    assert not after_opening(events(pipeline, US_OPENING + text))


def test_an_inquiry_announced_is_opened(pipeline):
    found = events(pipeline, US_OPENING + "The Armed Services Committee said it would investigate the Air Force.")
    assert [(e.plover_type, e.modality) for e in after_opening(found)] == [("ACCUSE", "asserted")]
    # one dated ahead is still to come, and one that may happen is not yet
    found = events(pipeline, US_OPENING + "The committee will investigate the Air Force next week.", include_unasserted=True)
    assert [e.modality for e in after_opening(found)] == ["future"]
    found = events(pipeline, US_OPENING + "The committee may investigate the Air Force.", include_unasserted=True)
    assert [e.modality for e in after_opening(found)] == ["hypothetical"]


def test_people_given_to_are_the_party(pipeline):
    text = "The United Nations will provide emergency food aid to refugees fleeing the fighting."
    e = one(pipeline, text, "AGREE")
    assert _text(text, e.mentions[0].target_span) == "refugees"


def test_a_side_act_without_a_party_is_left_out(pipeline):
    # "rally" names no target; the sentence's news is the accusation between two parties
    text = "Egypt accused Sudan of arming the rebels who staged a rally."
    found = events(pipeline, text)
    assert found and all(e.source is not None and e.target is not None for e in found)


def test_act_without_a_named_actor_is_not_coded(pipeline):
    assert not [e for e in events(pipeline, "Talks were held in Geneva with Iran.") if e.plover_type == "CONSULT"]


def test_raised_subject_of_a_passive_frame_acts(pipeline):
    text = "The Turkish president is scheduled to attend a summit in Paris on Syria."
    e = one(pipeline, text, "CONSULT", include_unasserted=True)
    assert key(e.source) == "TUR"


def test_passive_conjunct_takes_its_own_agent(pipeline):
    text = "The journalists jailed for spying were released on Monday by Iran."
    found = [e for e in events(pipeline, text) if e.plover_type in ("CONCEDE", "RETREAT")]
    assert found and key(found[0].source) == "IRN"


def test_a_report_accuses_alongside_a_full_dyad(pipeline):
    text = "A leaked report alleged that Eritrea armed militias and that Eritrean troops helped Sudan."
    assert "ACCUSE" in {e.plover_type for e in events(pipeline, text)}


def test_a_province_after_a_comma_places_the_town(pipeline):
    found = events(pipeline, "Police arrested two protesters in Paris, Texas on Monday.")
    assert found and [(p.name, p.admin1) for p in found[0].places] == [("Paris", "Texas")]


def test_place_from_the_sentence_then_the_dateline(pipeline):
    e = one(pipeline, "In Homs, residents said Russian jets bombed the market.", "ASSAULT")
    assert [p.name for p in e.places] == ["Homs"]  # named outside the act's clause
    text = "MOSCOW (Reuters) - Russia accused the United States on Tuesday of violating the treaty."
    e = one(pipeline, text, "ACCUSE")
    assert [(p.name, p.country, p.precision) for p in e.places] == [("Moscow", "RUS", "dateline")]
    assert [text[s.start : s.end] for s in e.mentions[0].place_spans] == ["MOSCOW"]


def test_a_place_outside_the_clause_must_say_where(pipeline):
    from eventwire.extract.circumstances import locative

    def head(text, word):
        return next(t for t in pipeline.nlp(text) if t.text == word)

    assert locative(head("Jets struck targets in Idlib on Monday.", "Idlib"))
    assert locative(head("Fighting raged in the Homs countryside.", "Homs"))
    assert not locative(head("It was the biggest cut in U.S. history.", "U.S."))
    assert not locative(head("He defended the Minnesota law.", "Minnesota"))


def test_reports_filed_from_different_cities_fuse(pipeline):
    texts = [
        "MOSCOW (Reuters) - Russia accused the United States on Monday of violating the treaty.",
        "WASHINGTON (AP) - Russia accused the United States on Monday of violating the treaty.",
    ]
    first, second = pipeline.extract_many(texts, [PUB, PUB])
    accuse = [e for e in first + second if e.plover_type == "ACCUSE"]
    assert len(accuse) == 2 and accuse[0].id == accuse[1].id  # the same act, the same event id
    assert {e.places[0].name for e in accuse} == {"Moscow", "Washington"}


# -- whole-article conventions: the article's country, implied agents, precision gates --------

US_OPENING = "U.S. President Donald Trump met U.S. lawmakers on Monday. "


def dyads(found):
    return {(e.plover_type, key(e.source), key(e.target)) for e in found}


def after_opening(found):
    """The events told after `US_OPENING` (whose own meeting is not what a test is about)."""
    return [e for e in found if e.mentions[0].trigger.start >= len(US_OPENING)]


def test_people_and_bodies_without_a_country_take_the_articles_country(pipeline):
    found = events(pipeline, US_OPENING + "Another woman, Lindsay Menz, accused Franken of misconduct.")
    assert ("ACCUSE", "USA", "USA") in dyads(found)
    found = events(pipeline, US_OPENING + "A grand jury indicted Paul Manafort, a former campaign manager.")
    assert ("ACCUSE", "USA", "USA") in dyads(found)


def test_a_story_shared_by_two_states_has_no_home_country(pipeline):
    text = "India and China met on Monday. The foreign ministry accused Lindsay Menz of lying."
    e = one(pipeline, text, "ACCUSE")
    assert (key(e.source), key(e.target)) == (None, None)  # named as roles, no country guessed


def test_an_unowned_bill_is_aimed_at_the_articles_state(pipeline):
    assert ("ACCUSE", "USA", "USA") in dyads(events(pipeline, US_OPENING + "Democrats opposed the bill."))


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Democratic lawmakers called for calm.", ("REQUEST", "USA", "USA")),
        ("The Justice Department welcomed the findings.", ("SUPPORT", "USA", "USA")),
    ],
)
def test_words_of_a_party_of_the_articles_state_to_no_one_named_are_aimed_at_it(pipeline, sentence, dyad):
    assert dyad in dyads(events(pipeline, US_OPENING + sentence))


@pytest.mark.parametrize(
    "text",
    [
        US_OPENING + "Senator Ann Ruiz said she would not resign.",  # a refusal of her own act
        US_OPENING + "Washington called for calm.",  # the state itself, named by its capital
        "India and China met on Monday. The foreign ministry called for calm.",  # no one state's story
    ],
)
def test_words_aimed_at_no_one_stay_unaddressed(pipeline, text):
    assert not [d for d in dyads(events(pipeline, text)) if d[0] in ("REQUEST", "REJECT") and d[2] is not None]


SHARED_OPENING = "India and China met on Monday. "  # a story of no one state


@pytest.mark.parametrize(
    "sentence",
    ["Pakistan's foreign ministry urged calm.", "Pakistani Foreign Minister Ali Khan called for restraint."],
)
def test_an_appeal_to_no_one_named_is_its_speakers_request(pipeline, sentence):
    e = one(pipeline, SHARED_OPENING + sentence, "REQUEST")
    assert (key(e.source), e.target, e.modality) == ("PAK", None, "asserted")


def test_an_organisation_appeals_for_itself(pipeline):
    e = one(pipeline, "The United Nations urged restraint on Monday.", "REQUEST")
    assert (key(e.source), e.target) == ("UN", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Islamabad called for calm.",  # a state named by its capital speaks to someone
        "A Pakistani report called for reform.",  # a document's call has an author to find
        "Pakistani calls for restraint went unheeded.",  # a call told by its noun
    ],
)
def test_an_appeal_needs_a_speaker_who_is_a_party(pipeline, sentence):
    assert not [e for e in events(pipeline, SHARED_OPENING + sentence) if e.plover_type == "REQUEST"]


def test_held_under_an_act_of_the_state(pipeline):
    e = one(pipeline, US_OPENING + "Two former officials are under investigation.", "ACCUSE")
    assert (key(e.source), e.source.sector, key(e.target)) == ("USA", "COP", "USA")  # by its authorities
    e = one(pipeline, US_OPENING + "Senator Hale is under investigation by the Justice Department.", "ACCUSE")
    assert e.source.sector == "GOV" and e.target.text.startswith("Senator Hale")
    e = one(pipeline, "Moroccan police placed Ali Musa under house arrest.", "COERCE")
    assert key(e.source) == "MAR" and e.target.text == "Ali Musa"
    assert not events(pipeline, US_OPENING + "The town is under curfew.")[1:]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Mueller's team accused Paul Manafort of lying.", "USA"),  # a person no table lists
        ("Congress members criticized the Justice Department.", "USA"),
        ("Members of the Senate intelligence panel criticized Facebook.", "USA"),
        ("Officials from Iran met Iraqi diplomats in Baghdad.", "IRN"),  # not the article's state
    ],
)
def test_people_named_by_whom_they_work_for_act_for_them(pipeline, text, source):
    found = after_opening(events(pipeline, US_OPENING + text))
    assert [key(e.source) for e in found] == [source]


def test_a_title_before_a_name_no_table_lists_says_the_office(pipeline):
    e = one(pipeline, US_OPENING + "Senator John Hale criticized the Justice Department.", "ACCUSE")
    assert (key(e.source), e.source.sector) == ("USA", "LEG")
    # two people of one state, each with an office, are two sides
    e = one(pipeline, US_OPENING + "House Speaker Paul Ryan criticized Senator John Hale.", "ACCUSE")
    assert (e.source.sector, e.target.sector, e.target.text) == ("LEG", "LEG", "Senator John Hale")


@pytest.mark.parametrize(
    "text, source",
    [
        ("Chad Wolf criticized the governors.", "USA"),  # a first name, not Chad
        ("Victoria Nuland met Ukrainian officials in Kiev.", "USA"),  # not the Seychelles' capital
        ("Chad's President Idriss Deby met Macron.", "TCD"),  # the state, named as one
    ],
)
def test_a_state_in_a_first_name_is_no_state(pipeline, text, source):
    found = after_opening(events(pipeline, US_OPENING + text))
    assert [key(e.source) for e in found] == [source]


def test_a_person_named_once_with_their_state_keeps_it(pipeline):
    # first named in a phrase no event takes as its party, then by surname alone
    text = (US_OPENING + "Trump rattled allies with his dismissal of North Korean leader Kim Jong Un as a "
            "rocket man. Kim has called Trump a mentally deranged dotard.")  # fmt: skip
    e = one(pipeline, text, "ACCUSE")
    assert (key(e.source), key(e.target)) == ("PRK", "USA")


@pytest.mark.parametrize(
    "text",
    [
        "House Speaker Paul Ryan on Monday called the allegations extremely troubling.",
        "Senator John Hale called the ruling a disgrace.",
        "Democratic senators said the Justice Department's requests were inappropriate.",
    ],
)
def test_words_of_dismay_and_contempt_criticise(pipeline, text):
    assert [e.plover_type for e in after_opening(events(pipeline, US_OPENING + text))] == ["ACCUSE"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Merkel met with Macron at the summit.", ("CONSULT", "asserted")),  # held, not intended
        ("German Chancellor Angela Merkel met with French leaders on Tuesday.", ("CONSULT", "asserted")),
        ("Merkel will meet with Macron at the summit next week.", ("AGREE", "future")),
        ("Merkel agreed to meet Macron.", ("AGREE", "asserted")),
    ],
)
def test_a_meeting_told_is_held(pipeline, text, expected):
    found = events(pipeline, text, include_unasserted=True)
    assert [(e.plover_type, e.modality) for e in found] == [expected]


def test_a_team_of_no_one_named_is_no_actor(pipeline):
    assert not after_opening(events(pipeline, US_OPENING + "The team criticized the president."))


def test_no_self_loop_through_a_pronoun_or_the_same_body(pipeline):
    found = events(pipeline, "Belarusian authorities have defended their action.")
    assert not [e for e in found if key(e.source) == key(e.target) == "BLR"]
    found = events(pipeline, "EU leaders condemned the incident in their meeting on Monday.")
    assert not [e for e in found if key(e.source) == key(e.target) == "EU"]


def test_an_act_done_to_no_one_named_is_not_coded(pipeline):
    assert not events(pipeline, "Google on Thursday offered its formal response to the deliberation.")


def test_an_intent_to_cooperate_is_not_an_agreement(pipeline):
    found = events(pipeline, "Japan plans to seek funds from Germany.", include_unasserted=True)
    assert all(e.modality != "asserted" for e in found if e.plover_type == "AGREE")


def test_the_other_party_of_a_clash_killed_in(pipeline):
    e = one(pipeline, "Three Indian soldiers have been killed in a clash with China.", "ASSAULT")
    assert (key(e.source), key(e.target)) == ("CHN", "IND")


def test_an_unnamed_arrest_is_by_the_state_where_it_happens(pipeline):
    e = one(pipeline, "Dissident journalist Roman Protasevich was arrested in Minsk.", "COERCE")
    assert key(e.source) == "BLR" and e.source.sector == "COP"


def test_a_protest_with_no_stated_aim_is_against_its_own_state(pipeline):
    e = one(pipeline, "Thousands of Iranians protested in Tehran on Monday.", "PROTEST")
    assert (key(e.source), key(e.target)) == ("IRN", "IRN")


@pytest.mark.parametrize("sentence", ["The two sides agreed to a truce.", "Both sides agreed to a cessation of hostilities."])
def test_the_two_sides_of_one_states_war_are_its_own(pipeline, sentence):
    text = "ADDIS ABABA (Reuters) - Ethiopia's government said it had retaken Shire from Tigrayan forces. " + sentence
    assert ("AGREE", "ETH", "ETH") in dyads(events(pipeline, text))


def test_warring_sides_agree_with_each_other(pipeline):
    text = "Ethiopia's warring sides agreed to a permanent cessation of hostilities."
    e = one(pipeline, text, "AGREE")
    assert (key(e.source), key(e.target)) == ("ETH", "ETH")


def test_police_of_no_named_country_are_of_the_place_of_the_act(pipeline):
    e = one(pipeline, "Police detained two opposition activists in Almaty on Monday.", "COERCE")
    assert key(e.source) == "KAZ"


def test_a_coalition_led_by_a_state_is_that_state_and_a_backer_is_not_the_doer(pipeline):
    e = one(pipeline, "An airstrike by the Saudi-led coalition hit a bus in Dahyan.", "ASSAULT")
    assert key(e.source) == "SAU"
    found = events(pipeline, "US-backed forces attacked the town of Raqqa on Sunday.")
    assert all(key(e.source) != "USA" for e in found)


def test_a_tie_a_participle_describes_is_no_event(pipeline):
    found = events(pipeline, "The hospital, supported by Doctors Without Borders, was bombed.")
    assert not [e for e in found if e.plover_type == "SUPPORT"]


def test_police_meeting_someone_is_no_consultation(pipeline):
    found = events(pipeline, "The opposition leader was met by police at the airport.")
    assert not [e for e in found if e.plover_type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "type_", "dyad"),
    [
        ("Lithuania cut off all high-level contacts with China.", "SANCTION", ("LTU", "CHN")),
        ("Britain expels 23 Russian diplomats.", "SANCTION", ("GBR", "RUS")),
        ("Germany and France signed a joint statement on Monday.", "AGREE", ("DEU", "FRA")),
        ("ECOWAS gave the junta in Niger one week to restore constitutional order.", "THREATEN", ("ECOWAS", None)),
    ],
)
def test_plain_events_of_diplomacy(pipeline, text, type_, dyad):
    e = one(pipeline, text, type_)
    assert key(e.source) == dyad[0] and (dyad[1] is None or key(e.target) == dyad[1])


def test_an_act_kept_from_happening_is_not_asserted(pipeline):
    text = "The bill would bar the United States from supplying assistance to Myanmar's military."
    assert not [e for e in events(pipeline, text) if e.plover_type == "AID"]


def test_a_document_speaks_but_does_not_act(pipeline):
    found = events(pipeline, US_OPENING + "The tax bill contains language pushed by Senator Lisa Murkowski.")
    assert not [e for e in found if e.plover_type == "COERCE"]
    assert "ACCUSE" in {e.plover_type for e in events(pipeline, "A leaked report alleged that Eritrea armed militias.")}


def test_an_event_word_naming_a_kind_of_actor_is_no_event(pipeline):
    text = "Philippine riot police used water cannon against anti-American protesters in Manila."
    assert not [e for e in events(pipeline, text) if e.plover_type == "PROTEST"]


def test_leaving_is_no_meeting_and_an_origin_no_party(pipeline):
    assert not events(pipeline, "Dozens of children waved as Haley left on a U.N. peace-keeping helicopter.")


def test_a_headline_echo_joins_the_act_its_body_tells(pipeline):
    text = "NATO condemns Russia over airspace violation\n\nNATO condemned Russia on Saturday over the violation."
    found = [e for e in events(pipeline, text) if e.plover_type == "ACCUSE"]
    assert len(found) == 1 and len(found[0].mentions) == 2
    assert found[0].when is not None and found[0].when.start == date(2015, 10, 3)


def test_weapons_told_as_doers_and_truces_with_an_unnamed_side(pipeline):
    e = one(pipeline, "Three rockets struck an Iraqi army base near Baghdad on Sunday.", "ASSAULT")
    assert e.source is None or e.source.key is None
    e = one(pipeline, "Ethiopia's Tigray agreed to a truce on Wednesday.", "AGREE")
    assert (key(e.source), key(e.target)) == ("ETH", "ETH")


def test_condemning_the_incident_blames_whoever_did_it(pipeline):
    text = (
        "Belarusian authorities forced a passenger plane to land in Minsk on Sunday. "
        "EU leaders condemned the incident in their meeting on Monday."
    )
    assert ("ACCUSE", "EU", "BLR") in dyads(events(pipeline, text))


def test_agreeing_to_act_is_told_by_the_act_not_as_an_agreement_with_its_target(pipeline):
    found = events(pipeline, "The European Union agreed on Monday to ban airlines from Belarus.")
    assert not [e for e in found if e.plover_type == "AGREE" and key(e.target) == "BLR"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Libya has offered to hand over two suspects to Britain.", "LBY"),
        ("Japan pledged $10 million in aid to the Philippines on Monday.", "JPN"),
        ("Japan promised the Philippines new loans.", "JPN"),
    ],
)
def test_an_offer_of_an_act_is_an_agreement_but_an_intent_alone_is_not(pipeline, text, source):
    e = one(pipeline, text, "AGREE")
    assert key(e.source) == source and e.modality == "asserted"
    found = events(pipeline, "Russia offered its response to Syria.", include_unasserted=True)
    assert [e.modality for e in found if e.plover_type == "AGREE"] == ["future"]


def test_a_quarrel_between_unarmed_sides_of_one_state_is_not_force(pipeline):
    found = events(pipeline, US_OPENING + "Former President Barack Obama blasted Trump on Thursday.")
    assert not [e for e in found if e.plover_type == "ASSAULT"]
    assert ("ACCUSE", "USA", "USA") in dyads(found)


def test_a_court_blocking_a_policy_rejects_it(pipeline):
    found = events(pipeline, US_OPENING + "A federal judge blocked the travel ban on Tuesday.")
    assert ("REJECT", "USA", "USA") in dyads(found)
    found = events(pipeline, US_OPENING + "A federal judge ruled against the administration on Tuesday.")
    assert ("REJECT", "USA", "USA") in dyads(after_opening(found))
    # one that lets it stand supports its authors (CAMEO.2.0's "uphold ban" is a refusal, 1241)
    found = events(pipeline, US_OPENING + "A federal appeals court upheld the travel ban on Tuesday.")
    assert [e.plover_type for e in after_opening(found)] == ["SUPPORT"]


def test_suing_or_challenging_in_court_accuses_the_other_side(pipeline):
    # "attorneys general": the title's "general" is not who they are
    found = events(pipeline, "WASHINGTON (Reuters) - Democratic attorneys general sued the administration on Monday.")
    assert ("ACCUSE", "USA", "USA") in dyads(found)


def test_a_story_filed_from_its_second_country_is_about_that_country(pipeline):
    text = (
        "MOSCOW (Reuters) - The Kremlin said on Tuesday that U.S. charges against Paul Manafort "
        "did not concern Russia, and that U.S. officials had not contacted Russian officials. "
        "The spokesman accused Lindsay Menz of lying."
    )
    assert ("ACCUSE", "RUS", "RUS") in dyads(events(pipeline, text))


def test_a_person_named_again_acts_for_whom_the_article_first_had_them_act(pipeline):
    text = (
        "African Union envoy Olusegun Obasanjo met Ethiopian officials on Monday. "
        "Former Nigerian president Olusegun Obasanjo praised Ethiopia on Tuesday."
    )
    found = [e for e in events(pipeline, text) if e.plover_type == "SUPPORT"]
    assert found and all(key(e.source) == "AU" for e in found)


def test_an_agreement_announced_is_an_agreement(pipeline):
    e = one(pipeline, "Ethiopia's warring sides announced an agreement on Wednesday.", "AGREE")
    assert key(e.source) == "ETH"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The NAACP also took issue with Trump's attendance.", "ACCUSE"),
        ("Secretary of State Rex Tillerson offered strong support to the European Union.", "SUPPORT"),
        ("Trump blasted the World Trade Organization during his tour.", "ACCUSE"),
        # CAMEO.2.0: "break with" threatens, "defend tax" appeals for aid, "withdraw" concedes
        ("Republicans in Congress broke with Trump over the tariffs.", "ACCUSE"),
        ("House Speaker Paul Ryan defended the tax bill on Sunday.", "SUPPORT"),
        ("Several Republican senators withdrew their support for Roy Moore.", "SANCTION"),
        ("Democrats said Trump was unfit for office.", "ACCUSE"),
        ("Some Republican senators came out against the nominee.", "ACCUSE"),
        # CAMEO.2.0's verbs of praise host a visit for any later "to"
        ("Trump congratulated Erdogan on his return to power.", "SUPPORT"),
        ('North Korea has called Trump "mentally deranged."', "ACCUSE"),
        # a quoted word of praise is no charge
        ('Trump called the bill an "important step" toward tax relief.', "SUPPORT"),
        ("Senator Luther Strange had harsh words for Steve Bannon on Tuesday.", "ACCUSE"),
        ("Republican Ed Gillespie ran attack ads against Democrat Ralph Northam.", "ACCUSE"),
        ('"Like a Trump University degree, the tax plan is phony," said Democratic congressman Lloyd Doggett.', "ACCUSE"),
        ("The attorney general of Washington state took the administration to court.", "ACCUSE"),
        # CAMEO.2.0's "press on" is an armed advance
        ("Senate leader Mitch McConnell pressed Trump on the debt ceiling.", "REQUEST"),
        # CAMEO.2.0's "force &MILITARY" is a mobilisation
        ("Indian troops forced the Chinese soldiers to retreat to their posts.", "COERCE"),
    ],
)
def test_idioms_coded_as_what_they_mean(pipeline, text, type_):
    assert type_ in {e.plover_type for e in events(pipeline, US_OPENING + text)}


@pytest.mark.parametrize(
    "text",
    [
        "Trump took a swipe at the Federal Reserve on Tuesday.",
        "This additional funding demonstrates the US commitment to Zimbabwe.",
        "Several White House aides were later caught up in the FBI investigation.",
    ],
)
def test_common_verbs_in_their_everyday_sense_are_no_events(pipeline, text):
    found = after_opening(events(pipeline, US_OPENING + text))
    assert not [e for e in found if e.plover_type in ("COERCE", "PROTEST")]


@pytest.mark.parametrize(
    "text, assault",
    [
        ("Consumers can take the credit until the manufacturer hits 200,000 plug-in vehicles sold.", False),
        ("Senator Clinton hit the campaign trail in Ohio on Monday.", False),
        ("Russian jets hit 20 targets in Syria on Monday.", True),
    ],
)
def test_a_figure_or_a_trail_hit_is_no_blow(pipeline, text, assault):
    found = after_opening(events(pipeline, US_OPENING + text))
    assert any(e.plover_type == "ASSAULT" for e in found) == assault


def test_an_organisation_meeting_its_own_body_is_a_self_loop(pipeline):
    text = "NATO Secretary General Jens Stoltenberg held a meeting of the alliance's North Atlantic Council."
    assert not [e for e in events(pipeline, text) if key(e.source) == key(e.target) == "NATO"]


@pytest.mark.parametrize(
    "text",
    [
        "Senate leaders were considering a new spending plan on Tuesday.",
        "The senator weighed in on the trade dispute during a radio interview.",
        "The House passed its version of the budget last month.",
        "The governor has not ruled out a run for the Senate.",
    ],
)
def test_thinking_and_legislating_are_no_events(pipeline, text):
    found = events(pipeline, US_OPENING + text)
    assert not after_opening(found)


def test_a_time_phrase_is_not_the_object_a_pattern_wants(pipeline):
    text = US_OPENING + "The adviser described the testimony he gave this week to a Senate panel."
    assert "THREATEN" not in {e.plover_type for e in events(pipeline, text)}


def test_an_act_dated_ahead_of_publication_is_not_asserted(pipeline):
    text = "German Chancellor Angela Merkel visits Poland next week for talks with its president."
    assert not [e for e in events(pipeline, text) if e.plover_type == "CONSULT"]
    assert [e for e in events(pipeline, text, include_unasserted=True) if e.modality == "future"]


def test_a_guilty_plea_is_made_to_the_courts_of_the_pleaders_state(pipeline):
    text = US_OPENING + "Former aide Carl Benning pleaded guilty on Friday to lying about his contacts with Iran."
    assert ("CONCEDE", "USA", "USA") in dyads(events(pipeline, text))


def test_two_people_of_one_state_are_two_sides(pipeline):
    text = US_OPENING + "Senator Mary Holloway wrote to Dan Petrik on Friday, asking him to hand over his emails."
    assert ("REQUEST", "USA", "USA") in dyads(events(pipeline, text))


def test_the_party_of_a_phrasal_verb_parsed_as_a_particle(pipeline):
    text = US_OPENING + "Speaker Tom Hale and his deputies on Thursday called on Ron Weyer to resign."
    assert ("REQUEST", "USA", "USA") in dyads(events(pipeline, text))


def test_an_act_done_to_several_parties_named_together_is_one_event_each(pipeline):
    text = "Canadian Foreign Minister Anne Ellis traveled to Kenya, Uganda and Tanzania last week."
    assert {("CONSULT", "CAN", "KEN"), ("CONSULT", "CAN", "UGA"), ("CONSULT", "CAN", "TZA")} <= dyads(events(pipeline, text))


def test_a_list_holding_the_doer_is_not_split(pipeline):
    text = "Egypt hosted talks between Sudan and Egypt on Monday."
    assert not [e for e in events(pipeline, text) if key(e.target) == key(e.source)]


def test_blocking_a_proposal_rejects_it(pipeline):
    text = US_OPENING + "The Senate parliamentarian barred Senator Tom Hale's proposal on Thursday."
    types = {e.plover_type for e in after_opening(events(pipeline, text))}
    assert types == {"REJECT"}


def test_a_surname_taken_for_a_common_noun_is_the_person_named_before(pipeline):
    text = US_OPENING + "The adviser, Mark Page, met Senate staff. Page was questioned by the FBI on Friday."
    assert ("ACCUSE", "USA", "USA") in dyads(events(pipeline, text))


def test_a_refusal_that_may_come_is_not_asserted(pipeline):
    text = US_OPENING + "Senate Democrats may not agree to big increases in military funds."
    assert "REJECT" not in {e.plover_type for e in events(pipeline, text)}


def test_skipping_a_meeting_refuses_it(pipeline):
    text = US_OPENING + "Democratic leaders in Congress skipped a meeting with the President on Tuesday."
    assert ("REJECT", "USA", "USA") in dyads(events(pipeline, text))


def test_a_weapon_fired_is_not_the_target(pipeline):
    text = US_OPENING + "A gunman fired his rifles more rapidly with the attachment."
    assert not [e for e in events(pipeline, text) if e.plover_type == "ASSAULT" and key(e.target)]


def test_politicians_attacking_each_other_accuse(pipeline):
    text = US_OPENING + "Senator Tom Hale attacked Senate Democrats as weak on immigration on Friday."
    assert ("ACCUSE", "USA", "USA") in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Russia has deployed a new cruise missile near the border.", "MOBILIZE"),
        # CAMEO.2.0 codes deploying troops as military cooperation (062)
        ("Russia has deployed 100,000 troops along the border.", "MOBILIZE"),
        ("The United States deployed two warships to the Gulf.", "MOBILIZE"),
        # CAMEO.2.0's &MILITARY set lacks the bare "forces"; it has "amass" but not "mass"
        ("Russia deployed forces to the border with Ukraine.", "MOBILIZE"),
        ("Russia massed troops on the border with Ukraine.", "MOBILIZE"),
        ("Russia pulled its forces out of Georgia.", "RETREAT"),
        ("Russia handed over the bodies to Ukraine.", "RETREAT"),
        # CAMEO.2.0: "recognize independence" is a national day, "invade" occupies territory
        ("Russia recognized the independence of Abkhazia.", "SUPPORT"),
        ("Russia invaded Ukraine.", "ASSAULT"),
        # words CAMEO.2.0 lacks: "suspend" alone, "neutralize", "disperse", "enter" a zone
        ("ECOWAS suspended Niger from the bloc.", "SANCTION"),
        ("The African Union suspended Mali's membership.", "SANCTION"),
        ("Turkey neutralized 20 terrorists in northern Syria.", "ASSAULT"),
        ("Nigerien police dispersed the protesters with tear gas.", "COERCE"),
        ("Chinese warplanes entered Taiwan's air defence zone.", "MOBILIZE"),
        # ordering another's envoys or forces to leave expels them; one's own, withdraws them
        ("Niger ordered the French ambassador to leave the country.", "SANCTION"),
        ("Niger ordered French troops to leave the country.", "SANCTION"),
        ("Putin ordered his troops to leave Syria.", "RETREAT"),
        ("Russia and Ukraine carried out a prisoner swap on Monday.", "RETREAT"),
        ("Turkey blocked Sweden's bid to join NATO.", "REJECT"),  # blocking a bid rejects it
        ("Ukraine held Russia responsible for the attack.", "ACCUSE"),  # no attack held
        ("Poland summoned the Belarusian charge d'affaires.", "ACCUSE"),
        # a light verb carries each of the event nouns joined as its object
        ("The OIC expressed its total rejection and strong condemnation of the Israeli declaration.", "ACCUSE"),
        # CAMEO.2.0: delivering a message is a statement, whatever it says
        ("Biden sent a message of solidarity to Ukraine.", "SUPPORT"),
        # a protest lodged with a government complains to it; it is no demonstration
        ("China lodged a protest with Japan.", "ACCUSE"),
        # "exercise" alone is no event; with another's warships or troops it is joint
        ("The Japanese destroyer held a three-day exercise with two Indian warships.", "COOPERATE"),
        # "on Monday" is no "telephone on" (CAMEO.2.0: a request)
        ("Tillerson telephoned the Iranian foreign minister on Monday.", "CONSULT"),
        # CAMEO.2.0's first "pull out" block is a visit (040); "break off" a threat (130)
        ("Saudi Arabia pulled its troops out of Yemen.", "RETREAT"),
        ("Saudi Arabia pulled out of Yemen.", "RETREAT"),
        ("Russia pulled out of the talks with Ukraine.", "SANCTION"),  # no withdrawal of forces
        ("Iran broke off relations with Saudi Arabia.", "SANCTION"),
        ("Iran took Saudi Arabia to task over the war.", "ACCUSE"),
        ("Russia accepted the U.S. offer on Monday.", "AGREE"),
        ("China has put pressure on North Korea to halt its missile tests.", "REQUEST"),
        # a meeting someone says would happen: a plan (future CONSULT), not an announced one (AGREE)
        ("Britain said it would be engaging with Iran on the issue.", "CONSULT"),
        # armed forces leaving a place withdraw (CAMEO.2.0's bare "leave" is a visit)
        ("The last US troops left Afghanistan on Monday.", "RETREAT"),
        ("Syria ceased its military operations near Damascus.", "RETREAT"),
        # CAMEO.2.0's bare "search" is an inquiry; a plane or a ship searched is coerced
        ("British officers searched an Aeroflot passenger plane at Heathrow airport.", "COERCE"),
        # CAMEO.2.0's "hail to" hosts a visit
        ("Nigeria's Senate hailed President Buhari for his opposition to the plan.", "SUPPORT"),
        ("Turkey dropped its opposition to Sweden's NATO bid.", "CONCEDE"),
        # CAMEO.2.0: an approved sale is an intent to cooperate
        ("The United States approved the sale of artillery to Saudi Arabia.", "COOPERATE"),
        ("Li and a group of supporters joined a march against the government in Beijing.", "PROTEST"),
    ],
)
def test_verbs_coded_by_their_news_sense(pipeline, text, type_):
    assert {e.plover_type for e in events(pipeline, text, include_unasserted=True)} == {type_}


@pytest.mark.parametrize(
    "text",
    [
        "The White House does not expect a government shutdown.",
        "His trade policy has upset a long consensus among the allies.",
        "The rule change meant Russian citizens could no longer apply in Moscow.",
    ],
)
def test_forecasts_and_effects_are_no_events(pipeline, text):
    assert not events(pipeline, text)


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Canadian envoy to inspect consulate in Lagos", "ACCUSE"),
        # a headline's reported "to" is a "will" too
        ("BALDRIGE SAYS U.S. TO IMPOSE JAPANESE SANCTIONS", "COERCE"),
        ("U.S. to impose sanctions on Japan, Baldrige says", "COERCE"),
    ],
)
def test_a_headline_infinitive_is_a_plan(pipeline, title, kind):
    text = title + "\n\nThe envoy arrived in Abuja on Monday."
    assert not [e for e in events(pipeline, text) if e.plover_type == kind]


def test_a_threatened_retaliation_is_aimed_at_the_deed_just_told(pipeline):
    text = "Turkish police have since seized the Syrian consulate, and Syria has threatened retaliation."
    assert ("THREATEN", "SYR", "TUR") in dyads(events(pipeline, text))


def test_what_is_likely_to_happen_is_not_asserted(pipeline):
    text = "Officials said Trump is likely to give a speech on Wednesday recognizing Jerusalem as Israel's capital."
    assert not [e for e in events(pipeline, text) if e.plover_type == "SUPPORT"]


def test_asked_whether_is_a_question(pipeline):
    text = US_OPENING + "Asked whether he was urging Senator Tom Hale to run again, Trump said yes."
    assert not after_opening(events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether he backed Senator Tom Hale, Trump said yes.",
        "The Senate approved its version of the tax bill in a 51-49 vote.",
        "The House voted to go to conference with the Senate on Monday.",
        "Reporters were unable to verify the claims.",
        "Trump signed the tax bill into law on Friday.",
    ],
)
def test_questions_and_lawmaking_steps_are_no_events(pipeline, text):
    found = events(pipeline, US_OPENING + text)
    assert not after_opening(found)


def test_joining_others_in_an_act_is_that_act(pipeline):
    text = US_OPENING + "Senator Tom Hale joined other senators in urging Ron Weyer to quit the race."
    types = {e.plover_type for e in after_opening(events(pipeline, text))}
    assert "CONSULT" not in types and "REQUEST" in types


@pytest.mark.parametrize(
    "text",
    [
        "A report by the Senate released on Wednesday accused Chinese media of spying.",
        "We need strong and steady leadership at the central bank, Trump said.",
        "The plan changes the way shares in startups are taxed.",
        "Lawmakers released a batch of Russian-bought Facebook ads on Wednesday.",
    ],
)
def test_documents_released_needs_and_taxes_are_no_events_of_their_own(pipeline, text):
    types = {e.plover_type for e in after_opening(events(pipeline, US_OPENING + text))}
    assert not types & {"RETREAT", "REQUEST", "COERCE"}


@pytest.mark.parametrize(
    "text, dyad",
    [
        ("Mattis said on Thursday the Russians have violated the treaty.", ("ACCUSE", "USA", "RUS")),
        ("The Kremlin claimed that Washington meddled in its elections.", ("ACCUSE", "RUS", "USA")),
        ("Senator Warren said Trump lied to the American people.", ("ACCUSE", "USA", "USA")),
        ("Representative Elijah Cummings said the GSA had ignored federal law.", ("ACCUSE", "USA", "USA")),
        # the charge is made, whatever the wrong's own mood
        ("Senate Democrats said Republicans were trying to undermine the investigation.", ("ACCUSE", "USA", "USA")),
        ("Senator Warren said the White House was hiding information.", ("ACCUSE", "USA", "USA")),
        ("Trump said on Friday that China manipulates its currency.", ("ACCUSE", "USA", "CHN")),
        ("Trump has said the Washington Post fabricated stories.", ("ACCUSE", "USA", "USA")),
        # a wrong named by what is done (CAMEO.2.0's "commit a crime" is violence)
        ("Senator Tom Hale said he believes FBI Director Kira Nolan committed perjury.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale said FBI Director Kira Nolan committed a crime.", ("ACCUSE", "USA", "USA")),
        ("Representative Kira Nolan said Senator Tom Hale was spreading lies about the rule.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale has suggested that Democrats are working with reporters to discredit him.",
         ("ACCUSE", "USA", "USA")),
    ],
)
def test_a_wrong_said_of_another_is_the_speakers_accusation(pipeline, text, dyad):
    found = events(pipeline, US_OPENING + "Defense Secretary Jim Mattis spoke in Brussels. " + text)
    assert dyad in dyads(after_opening(found))


@pytest.mark.parametrize(
    "text",
    [
        "Trump lied about the size of the crowd.",  # the journalist's own word: no event
        "The rebels were hiding in the mountains.",
        "The Kremlin said Russia did not meddle in the elections.",  # a denial
        "Rebels violated the ceasefire on Sunday, monitors said.",  # force, whoever reports it
        "The director committed perjury in 2017.",
        "Her rival was spreading lies about the rule.",
    ],
)
def test_wrongs_not_claimed_of_another_are_no_accusation(pipeline, text):
    found = after_opening(events(pipeline, US_OPENING + text))
    assert not [e for e in found if e.cameo_code == "112"]


def test_georgia_in_a_us_story_is_the_state(pipeline):
    text = US_OPENING + "Congressman John Lewis of Georgia criticized the president."
    assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, text)))
    text = "TBILISI (Reuters) - Georgia accused Russia of moving the border with South Ossetia."
    assert ("ACCUSE", "GEO", "RUS") in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    "text, dyad",
    [
        ("The Senate confirmed Jerome Hale as Fed chairman on Tuesday.", ("SUPPORT", "USA", "USA")),
        ("The Senate confirmed Jerome Hale on Tuesday.", ("SUPPORT", "USA", "USA")),
        ("The committee approved the nomination of Kira Nolan.", ("SUPPORT", "USA", "USA")),
        ("The Senate approved Kira Nolan to become the agency's top enforcement official.", ("SUPPORT", "USA", "USA")),
        ("The Senate on Thursday confirmed the agency's third high-level official.", ("SUPPORT", "USA", "USA")),
        ("The Supreme Court allowed the travel ban to take effect.", ("SUPPORT", "USA", "USA")),
        ("Republicans have ramped up their attacks on the FBI.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale raised questions about whether the FBI had misled Congress.",
         ("ACCUSE", "USA", "USA")),
        ("Democrats said they were deeply concerned about the decision by the Justice Department.",
         ("ACCUSE", "USA", "USA")),
        ("Democratic lawmakers called on Thursday for public hearings on the ambush.",
         ("REQUEST", "USA", "USA")),
        ("Senator John Hale last week threatened to issue a subpoena.", ("THREATEN", "USA", "USA")),
        ("President Trump threatened on Friday to veto the bill.", ("THREATEN", "USA", "USA")),
        ("President Trump insulted the mayor of Houston on Friday.", ("ACCUSE", "USA", "USA")),
        ("President Trump reiterated his tough rhetoric against Senator Hale.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale tore into the White House on Friday.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale railed against the White House on Friday.", ("ACCUSE", "USA", "USA")),
        ("Several business groups came out against the Republican plan on Monday.", ("ACCUSE", "USA", "USA")),
        # a participle's doer is its governor's subject, whatever the governor's voice
        ("Senate Democrats have been united against the measure, calling it a handout to the rich.",
         ("ACCUSE", "USA", "USA")),
        ("Republicans were united in their opposition to the plan, calling it a giveaway to insurers.",
         ("ACCUSE", "USA", "USA")),
        ("Industry groups weighed in against the White House plan.", ("ACCUSE", "USA", "USA")),
        ("The administration has taken a strong stand against Chinese investment in U.S. chipmakers.",
         ("ACCUSE", "USA", "CHN")),
        # a description no table lists acts as the person its apposition names
        ("The head of the panel, Senator Tom Hale, criticized the White House.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale called out the White House on Friday.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale said he was critical of the White House plan.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale sought documents from the White House.", ("REQUEST", "USA", "USA")),
        ("Google lobbied lawmakers to drop the bill.", ("REQUEST", "USA", "USA")),
        ("Senate Democrats raised objections to the nominee on Friday.", ("ACCUSE", "USA", "USA")),
        ("Democrats said the agency illegally withheld documents from Congress.", ("REJECT", "USA", "USA")),
        ("The administration withheld military aid from Ukraine.", ("SANCTION", "USA", "UKR")),
        ("Democrats walked out of the hearing on Tuesday.", ("PROTEST", "USA", "USA")),
        ("FBI agents raided Manafort's home in July.", ("COERCE", "USA", "USA")),  # a search, no attack
        ("Trump dismissed the report as fake news.", ("ACCUSE", "USA", "USA")),
        ("Democrats said the administration failed to protect the election.", ("ACCUSE", "USA", "USA")),
        ("Pelosi said Republicans were responsible for the shutdown.", ("ACCUSE", "USA", "USA")),
        ("Senator Graham said Trump was right to strike Syria.", ("SUPPORT", "USA", "USA")),
        # a court's ruling that the administration must act asks it to; a ruling that a ban was
        # unconstitutional charges its authors
        ("A federal judge ruled on Monday that the administration must allow the teens to leave.",
         ("REQUEST", "USA", "USA")),
        ("A federal judge ruled on Monday that the travel ban was unconstitutional.", ("ACCUSE", "USA", "USA")),
        # satisfied with what someone sent: approval of whoever sent it
        ("Senator Tom Hale said he was satisfied with the responses EPA officials sent.", ("SUPPORT", "USA", "USA")),
        # a group acts through the named parties it lists
        ("Challengers, including the state of Hawaii and the ACLU, argue the ban is discriminatory.",
         ("ACCUSE", "USA", "USA")),
        # two bodies no dictionary lists are two sides, not one
        ("The National Association of Broadcasters said it backs Kira Nolan's plan.", ("SUPPORT", "USA", "USA")),
        # a relative clause with its own object names no maker of the deal
        ("Republicans launched an investigation into a deal in which a Russian company bought a US firm.",
         ("ACCUSE", "USA", "USA")),
        # the harm a speaker says a policy will do charges its authors
        ("Senator Tom Hale said the president's tax plan would hurt working families.", ("ACCUSE", "USA", "USA")),
        # "ripped", "panned": words between politicians
        ("Senator Tom Hale ripped President Trump on Monday.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale panned the president's tax plan.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale skewered President Trump on Monday.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale took a swipe at the FBI on Monday.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale clashed with President Trump over trade.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale paid tribute to the FBI on Monday.", ("SUPPORT", "USA", "USA")),
        ("Democrats are pushing for a vote on the Dream Act.", ("REQUEST", "USA", "USA")),
        ("The ACLU said the travel ban was discriminatory.", ("ACCUSE", "USA", "USA")),
        ("The talks stalled despite the Democrats' push to resolve the issue.", ("REQUEST", "USA", "USA")),
        (
            (
                "In May, a translator at the U.S. consulate in the province of Adana in"
                " southern Turkey was arrested."
            ),
            ("COERCE", "TUR", "USA"),
        ),
        ("Senior FBI officials who helped probe Trump's campaign were removed.",
         ("ACCUSE", "USA", "USA")),
        # words CAMEO.2.0 lacks or codes for other senses
        ("Former adviser Sam Clovis testified before the Senate Intelligence Committee on Wednesday.",
         ("CONSULT", "USA", "USA")),
        ("Senate Democrats slammed Trump on Tuesday.", ("ACCUSE", "USA", "USA")),
        ("House Republicans took aim at the EPA on Tuesday.", ("ACCUSE", "USA", "USA")),
        ("The committee subpoenaed documents from the Trump campaign.", ("ACCUSE", "USA", "USA")),
        ("Former adviser Sam Clovis is cooperating with the Senate Intelligence Committee.", ("COOPERATE", "USA", "USA")),
    ],
)
def test_common_political_acts_in_a_us_story(pipeline, text, dyad):
    assert dyad in dyads(after_opening(events(pipeline, US_OPENING + text)))


def test_a_court_rules_on_its_own_states_policy(pipeline):
    text = "TRIPOLI (Reuters) - Libya asked the United States to drop the ban. The U.S. Supreme Court allowed the ban to take full effect."
    assert ("SUPPORT", "USA", "USA") in dyads(events(pipeline, text))


def test_a_concern_a_party_states_is_an_accusation_a_mood_is_not(pipeline):
    text = "The United Nations said it was greatly concerned by the crackdown by Belarusian police."
    assert ("ACCUSE", "UN", "BLR") in dyads(events(pipeline, text))
    assert not events(pipeline, "Belarusian officials were worried about the protests in Minsk.")
    found = events(pipeline, "The EU said it was not concerned by the vote in Russia.")
    assert not [e for e in found if e.plover_type == "ACCUSE"]
    # a concern, disappointment or approval told of another's deed in a clause is aimed at its doer
    text = "WASHINGTON (Reuters) - Senator Tom Hale said he was disappointed the companies had not done more."
    assert ("ACCUSE", "USA", "USA") in dyads(events(pipeline, text))
    text = "WASHINGTON (Reuters) - The company said it was pleased the credit agency had upgraded its rating."
    assert ("SUPPORT", "USA", "USA") in dyads(events(pipeline, text))
    # a feeling about no one is no event
    assert not events(pipeline, "WASHINGTON (Reuters) - The president said he was delighted to be in Japan.")


def test_an_epithet_said_of_a_policy_accuses_its_authors(pipeline):
    text = US_OPENING + "Senator Tom Hale said the Republican tax plan was reckless."
    assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, text)))
    text = US_OPENING + "The weather in Washington was terrible, officials said."
    assert not after_opening(events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Democrats hope to retake control of Congress in next year's elections.",
        "Senator Tom Hale introduced a bill on Tuesday to cut taxes.",
        "The Treasury Department on Monday released a one-page analysis of the plan.",
        "Congressional Republicans on Friday unveiled the final version of their tax overhaul.",
        "The lawmaker said he and his wife have long struggled with infertility.",
        "Trump has made progress in filling vacancies on the federal courts.",
        "The House voted to approve the tax bill on Friday.",
        "More women have since spoken out.",
        "Congress risks a government shutdown next month.",
        "Governor Chris Hale has hit record-low approval ratings.",
        "But Sessions shot the idea down, his aide said.",
        "Ed Gillespie campaigned hard on immigration.",
        # a rally of prices is no protest
        "Wall Street's main indexes were little changed on Wednesday, taking a breather after a month-long rally.",
        "The S&P 500 rallied this week as the tax bill advanced.",
        "The dollar rallied against the yen in Tokyo.",
        # a failure with nothing failed to do refuses nothing
        "In the end, the farm caucus and consumer advocacy groups failed.",
        # force said of lawmakers' or a president's doings is a figure of speech
        "Lawmakers, rushing to beat a weekend deadline, passed a spending bill on Friday.",
        # a successor takes over a post, not a place
        "Kira Nolan took over the helm of the agency in March.",
        "Nolan will take over from Tom Hale as chief of staff.",
        # making public and granting a point take no stand
        "The Justice Department revealed the new rules on Tuesday.",
        '"We recognize that the plan has flaws," Senator Tom Hale said.',
    ],
)
def test_ordinary_political_verbs_are_no_events(pipeline, text):
    assert not after_opening(events(pipeline, US_OPENING + text))


def test_a_second_act_told_with_while_also_is_kept(pipeline):
    text = "Trump praised China on Monday while also demanding that Beijing increase pressure on North Korea."
    assert {("SUPPORT", "USA", "CHN"), ("REQUEST", "USA", "CHN")} <= dyads(events(pipeline, text))


def test_defending_someone_in_words_supports_him(pipeline):
    text = US_OPENING + "President Donald Trump defended Roy Moore last week."
    assert ("SUPPORT", "USA", "USA") in dyads(after_opening(events(pipeline, text)))


def test_an_inquiry_into_misconduct_by_someone_accuses_him(pipeline):
    text = US_OPENING + "The committee opened an investigation into misconduct by Senator Tom Hale."
    assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, text)))


def test_the_warring_sides_of_a_story_are_its_countrys(pipeline):
    text = (
        "KHARTOUM (Reuters) - Sudan has been at war since April. The warring sides in Sudan"
        " announced on Monday an agreement to end the fighting."
    )
    assert ("AGREE", "SDN", "SDN") in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("WASHINGTON (Reuters) - Republican and Democratic leaders are still haggling over the budget.", ("USA", "USA")),
        # CAMEO.2.0 codes "negotiate with" as cooperation (050); being "in talks" is talking
        ("LUSAKA (Reuters) - Zambia has been negotiating with the IMF since January.", ("ZMB", "IMF")),
        ("LUSAKA (Reuters) - Zambia is in talks with the IMF on a new loan.", ("ZMB", "IMF")),
        ("WASHINGTON (Reuters) - Trump's campaign had contacts with Russian officials.", ("USA", "RUS")),
        ("WASHINGTON (Reuters) - Trump and Putin spoke by phone on Tuesday.", ("USA", "RUS")),
        ("WASHINGTON (Reuters) - Senate and House leaders hammered out a compromise with the White House.", ("USA", "USA")),
    ],
)
def test_haggling_and_talks_are_negotiation(pipeline, text, pair):
    assert ("CONSULT", *pair) in dyads(events(pipeline, text))


def test_moving_a_court_petitions_it(pipeline):
    text = "NEW DELHI (Reuters) - Kerala moved the Supreme Court on Monday seeking a stay of the order."
    assert ("REQUEST", "IND", "IND") in dyads(events(pipeline, text))
    text = "WASHINGTON (Reuters) - Lawyers for Senator Tom Hale moved the case to a federal court in Virginia."
    assert not events(pipeline, text)


def test_storms_and_buildings_are_no_actors(pipeline):
    text = US_OPENING + "Hurricane Maria slammed into the island in September, tearing up homes."
    assert not after_opening(events(pipeline, text))
    text = US_OPENING + "Senator Tom Hale said the crash of a bus, which killed passengers, showed the need for new rules."
    assert "ASSAULT" not in {e.plover_type for e in after_opening(events(pipeline, text))}  # an accident
    for text in (
        "Officials said 300 people in the state were killed by heroin last year.",  # a drug
        "The law was first passed in 1950 to combat Soviet propaganda efforts.",  # an ill fought, no one attacked
    ):
        assert "ASSAULT" not in {e.plover_type for e in after_opening(events(pipeline, US_OPENING + text))}


def test_the_arrested_are_the_victims_not_the_doers(pipeline):
    text = "Greece condemned the killing of civilians during the Turkish military operations."
    assert ("ACCUSE", "GRC", "TUR") in dyads(events(pipeline, text))


def test_force_aimed_at_a_program_is_words_at_a_pact_force(pipeline):
    text = US_OPENING + "The Trump administration has targeted the program."
    assert "ASSAULT" not in {e.plover_type for e in events(pipeline, text)}
    text = "Philippine troops violated the ceasefire agreement on Monday."
    assert "ASSAULT" in {e.plover_type for e in events(pipeline, text)}


def test_arresting_protesters_is_an_arrest_and_fire_at_people_hits_them(pipeline):
    text = "CAIRO (Reuters) - Egyptian police arrested dozens of protesters in Cairo on Friday."
    assert ("COERCE", "EGY", "EGY") in dyads(events(pipeline, text))
    text = "KIEV (Reuters) - Ukrainian troops fired mortar rounds at Russian soldiers on Friday."
    assert ("ASSAULT", "UKR", "RUS") in dyads(events(pipeline, text))


def test_what_one_suggests_another_do_is_asked_not_done(pipeline):
    found = events(pipeline, "WASHINGTON (Reuters) - Senator Tom Hale suggested that the White House meet Democrats.")
    assert {e.plover_type for e in found} == {"REQUEST"}


def test_what_one_was_unable_to_do_did_not_happen(pipeline):
    text = "WASHINGTON (Reuters) - Reuters was unable to contact Senator Tom Hale for comment."
    assert not events(pipeline, text)
    text = "KIEV (Reuters) - Russia and Ukraine failed to produce a deal on Friday."
    assert not [e for e in events(pipeline, text) if e.plover_type == "AGREE"]
    text = "KABUL (Reuters) - The Afghan army failed to prevent a Taliban attack on Kunduz on Friday."
    assert ("ASSAULT", "TAL", "AFG") in dyads(events(pipeline, text))  # the attack was made


def test_talking_to_the_press_is_no_meeting(pipeline):
    for text in ("Senator Tom Hale met reporters on Monday.", "Senator Tom Hale spoke to Reuters on Monday."):
        assert "CONSULT" not in {e.plover_type for e in after_opening(events(pipeline, US_OPENING + text))}


def test_a_headline_that_leaves_a_side_unnamed_echoes_the_body_act(pipeline):
    from eventwire.fusion.fuse import fuse
    from eventwire.records import Actor, Mention, Span

    usa, tur = Actor(text="U.S.", country="USA"), Actor(text="Turkey", country="TUR")
    body = Mention("a", Span(60, 160), Span(80, 89), "ACCUSE", None, "111", source=usa, target=tur)
    title = Mention("a", Span(0, 50), Span(6, 12), "ACCUSE", None, "111", target=tur,
                    sentence_kind="title")  # fmt: skip
    other = Mention("a", Span(0, 50), Span(6, 12), "ACCUSE", None, "111", target=usa,
                    sentence_kind="title")  # fmt: skip
    assert len(fuse([body, title], pipeline.ontology)) == 1  # "voices concern to Turkey"
    assert len(fuse([body, other], pipeline.ontology)) == 2  # a headline act of its own


def test_staying_away_from_a_meeting_refuses_it(pipeline):
    text = US_OPENING + "Senators Tom Hale and Ann Lee stayed away from the meeting with Trump on Tuesday."
    assert ("REJECT", "USA", "USA") in dyads(after_opening(events(pipeline, text)))


@pytest.mark.parametrize(
    "text",
    [
        "Minnesota Republicans claimed the elimination of the funding was unconstitutional.",
        "Republicans said the veto was illegal.",
    ],
)
def test_a_charge_against_a_policy_act_accuses_its_authors(pipeline, text):
    assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, US_OPENING + text)))


def test_ending_protections_is_an_administrative_sanction_told_beside_the_main_act(pipeline):
    # a verb joined to the main one tells news of its own, though it names no party done to
    text = ("WASHINGTON (Reuters) - Trump has eliminated temporary protections for Dreamers,"
            " but has asked Congress to come up with a permanent solution.")
    found = [(e.plover_type, key(e.source)) for e in events(pipeline, text)]
    assert ("COERCE", "USA") in found and ("REQUEST", "USA") in found


def test_an_epithet_noun_said_of_a_plan_accuses_its_authors(pipeline):
    text = US_OPENING + "Senator Tom Hale said Trump was wrong to fire the FBI director."
    assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, text)))
    for epithet in ("a disgrace", "a disaster for working families", "a joke"):
        text = US_OPENING + f"Senator Tom Hale said the Republican tax plan was {epithet}."
        assert ("ACCUSE", "USA", "USA") in dyads(after_opening(events(pipeline, text)))
    text = US_OPENING + "The decision sparked outrage among Democrats."
    assert not after_opening(events(pipeline, text))


@pytest.mark.parametrize(
    ("said", "dyad"),
    [
        # said "in a statement that": the parser hangs the clause on the statement
        ("said in a statement that the State Department's decision was unconstitutional.", ("ACCUSE", "USA", "USA")),
        ("said in a statement that the State Department's decision was a disgrace.", ("ACCUSE", "USA", "USA")),
        # what someone or something is said to be: "a dangerous man", "a huge mistake"
        ("said President Trump was a dangerous man.", ("ACCUSE", "USA", "USA")),
        ("said the State Department's decision was a huge mistake.", ("ACCUSE", "USA", "USA")),
        # a good step, a breakthrough: praise of what it is said of
        ("said in a statement that the State Department's guidance “is a good first step.”", ("SUPPORT", "USA", "USA")),
        ("said the State Department's new guidance was a breakthrough.", ("SUPPORT", "USA", "USA")),
    ],
)
def test_a_word_said_of_a_policy_judges_its_authors(pipeline, said, dyad):
    text = US_OPENING + "Senator Tom Hale " + said
    assert dyad in dyads(after_opening(events(pipeline, text)))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("“I support the president’s decision,” Senator Tom Hale said.", ("SUPPORT", "USA", "USA")),
        ("“I strongly oppose this nomination,” Senator Tom Hale said.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale said: “I applaud the president for his leadership.”", ("SUPPORT", "USA", "USA")),
        ("Senator Tom Hale said he was disappointed in the president.", ("ACCUSE", "USA", "USA")),
        ("Senator Tom Hale tweeted: “I urge the president to reconsider.”", ("REQUEST", "USA", "USA")),
    ],
)
def test_i_in_a_quotation_is_its_speaker(pipeline, text, dyad):
    assert dyad in dyads(after_opening(events(pipeline, US_OPENING + text)))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("“President Trump should be applauded for keeping his word,” Senator Tom Hale said.", ("SUPPORT", "USA", "USA")),
        # the quotation's speaker named in its first sentence
        ("“The president kept his promise,” Senator Tom Hale said. “President Trump should be applauded for it.”",
         ("SUPPORT", "USA", "USA")),
        ("Senator Tom Hale said the EPA's decision should be condemned.", ("ACCUSE", "USA", "USA")),
        # praise that another party should give is asked of it
        ("Senator Tom Hale said the EPA should praise the farmers.", ("REQUEST", "USA", "USA")),
    ],
)
def test_a_verdict_said_to_be_deserved_is_passed_by_the_speaker(pipeline, text, dyad):
    assert dyad in dyads(after_opening(events(pipeline, US_OPENING + text)))


def test_i_with_no_speaker_is_no_one(pipeline):
    assert not after_opening(events(pipeline, US_OPENING + "I think the president is wrong."))


def test_a_quoted_epithet_the_parser_takes_for_the_object_is_no_phone_call(pipeline):
    text = 'KUALA LUMPUR (Reuters) - Mahathir called the government\'s order "tyranny" and unconstitutional.'
    assert dyads(events(pipeline, text)) == {("ACCUSE", "MYS", "MYS")}
    # an armed clash stays one
    text = "KABUL (Reuters) - Taliban fighters clashed with Afghan troops in Helmand on Monday."
    assert ("ASSAULT", "TAL", "AFG") in dyads(events(pipeline, text))


def test_a_warning_of_what_is_so_accuses_and_one_of_what_will_come_threatens(pipeline):
    text = "WASHINGTON (Reuters) - The administration warned that intellectual property theft by China is a problem."
    assert dyads(events(pipeline, text)) == {("ACCUSE", "USA", "CHN")}
    for warning in (
        "Putin warned Japan that Russia would respond to any deployment.",
        "Putin warned Japan that its military was no match for Russia's.",  # told to its party
    ):
        assert ("THREATEN", "RUS", "JPN") in dyads(events(pipeline, warning))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # a wrong named by the speaker is his accusation of its owner; "he" is the minister
        ("Iran's foreign minister said the launches were a reaction to what he called Saudi aggression.",
         ("ACCUSE", "IRN", "SAU")),
        ("Russia condemned what it described as a provocation by NATO.", ("ACCUSE", "RUS", "NATO")),
        ("The Saudi-led coalition closed all air, land and sea ports in Yemen.", ("COERCE", "SAU", "YEM")),
        # words renewed: aimed at the party a warning's words are about, as with the verb "warned
        # that"; one's own words repeated are one's own, not the words of whom "her" might name
        ("Trump renewed his warning that the era of strategic patience with North Korea was over.",
         ("THREATEN", "USA", "PRK")),
        ("Merkel repeated her demand that Russia withdraw its troops.", ("REQUEST", "DEU", "RUS")),
        ("Merkel issued her warning that Russia would pay a price.", ("THREATEN", "DEU", "RUS")),
        ("China reiterated its opposition to the US deployment.", ("ACCUSE", "CHN", "USA")),
    ],
)
def test_wrongs_named_words_renewed_and_ports_closed(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Senator Tom Hale said he spoke to Deputy Secretary of State Ann Lee by phone.",
         ("CONSULT", "USA", "USA")),
        ("Senator Tom Hale has given a qualified endorsement of the intelligence community's assessment.",
         ("SUPPORT", "USA", "USA")),
        # the endorsement is done, whatever the main clause says will happen
        (("The Republican Party will resume funding the campaign of Roy Hale after Trump endorsed"
          " the Alabama Republican."), ("SUPPORT", "USA", "USA")),
    ],
)
def test_talks_endorsements_and_acts_told_as_done(pipeline, text, dyad):
    found = [e for e in events(pipeline, "U.S. officials said the U.S. economy grew. " + text) if e.modality == "asserted"]
    assert dyad in dyads(found)
    assert "COOPERATE" not in {e.plover_type for e in found}


@pytest.mark.parametrize(
    "text",
    [
        # a thing of someone's does not act
        "NATO opened an office in Tunis. Its main purpose was supporting Tunisian Special Forces.",
        # a meeting asked for is not held
        "The Foreign Office said it was reviewing the Russian request to meet with Yulia Skripal.",
        # forced by no one named: no state act
        "An Italian metal band has been forced to stop playing.",
        # kidnappers are not the state
        "A Nigerian aid worker was abducted in Borno state on Monday.",
    ],
)
def test_owned_things_asked_acts_and_unnamed_coercion_are_no_events(pipeline, text):
    assert not [e for e in events(pipeline, text) if e.modality == "asserted"]


def test_a_state_does_not_expel_its_own_envoys(pipeline):
    text = ("The dispute set off expulsions of Russian diplomats from Britain, followed by"
            " retaliatory expulsions of their diplomats from Russia.")
    found = dyads(events(pipeline, text))
    assert ("SANCTION", "GBR", "RUS") in found
    assert ("SANCTION", "RUS", "RUS") not in found


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # a place named to say where the target lies is not the target's state
        ("Weinberger said four U.S. destroyers attacked the platform about 120 miles east of Bahrain.",
         ("ASSAULT", "USA", None)),
        # a town naming a treaty is no party to it
        ("Russia accused Ukraine of violating the Minsk agreements.", ("ACCUSE", "RUS", "UKR")),
        # a document speaks for the author its words name
        (("PARIS, March 18 - France protested to Canada. A foreign ministry statement described"
          ' yesterday\'s decision by Canada as "unjustified and contrary to international law" and'
          " called on Ottawa authorities to reverse it."),
         ("ACCUSE", "FRA", "CAN")),
    ],
)
def test_reference_places_treaty_towns_and_document_authors(pipeline, text, dyad):
    found = dyads(e for e in events(pipeline, text) if e.modality == "asserted")
    assert dyad in found
    assert not {d for d in found if "BHR" in d or "BLR" in d}


def test_an_attack_made_a_pretext_of_is_not_told_as_done(pipeline):
    text = "Zambia said the charges were a pretext for South African attacks on its territory."
    assert not [e for e in events(pipeline, text) if e.plover_type == "ASSAULT" and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # forces of no named country, in what a state says, are its own
        ("N'DJAMENA, March 25 - Chad said today troops killed 1,269 Libyan soldiers.", ("ASSAULT", "TCD", "LBY")),
        # an arrest a state announces is its own, whoever is to be arrested
        ("OTTAWA, March 18 - Canada said that any French fishermen caught in the area would be arrested.",
         ("THREATEN", "CAN", "FRA")),
    ],
)
def test_what_a_state_says_its_forces_did_or_will_do_is_its_own(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # the two sides of an act "between" them
        (("WASHINGTON (Reuters) - The ban was discussed at a meeting between Libyan Foreign Minister"
         " Mohamed Siala and U.S. Secretary of State Rex Tillerson."), ("CONSULT", "LBY", "USA")),
        # a coordinated phrase is the first party's: its last name is no person of that party
        (("ABUJA (Reuters) - The release is the outcome of negotiations between the Nigerian"
         " administration and Boko Haram brokered by the Red Cross."), ("CONSULT", "NGA", "BOKOHARAM")),
        # "the coalition" is the one named before
        (("RIYADH (Reuters) - The Saudi-led coalition closed all ports in Yemen. The United Nations"
         " called on the coalition to re-open an aid lifeline."), ("REQUEST", "UN", "SAU")),
        # a deed's doer given by its participle's "by"
        ("The attack carried out by Islamic State killed five Iraqi soldiers.", ("ASSAULT", "ISIS", "IRQ")),
    ],
)
def test_sides_between_coalitions_and_doers_of_participles(pipeline, text, dyad):
    assert dyad in dyads(e for e in events(pipeline, text) if e.modality == "asserted")


def test_a_meeting_one_is_ready_to_host_is_not_held(pipeline):
    text = "King Hassan said he would be ready to host a meeting between Israel and the Palestinians."
    assert not [e for e in events(pipeline, text) if e.plover_type == "CONSULT" and e.modality == "asserted"]


def test_a_fronted_participle_is_an_act_and_a_state_protests_at_others(pipeline):
    text = ("France protested. Accusing the French of overfishing, Canada said that any French"
            " fishermen caught in the area would be arrested.")
    found = dyads(events(pipeline, text))
    assert ("ACCUSE", "CAN", "FRA") in found
    assert ("PROTEST", "FRA", "FRA") not in found


def test_verbs_in_e_keep_their_lemma(pipeline):
    doc = pipeline.nlp("China hoped to win back Taiwan. Police fined him and staged raids.")
    assert [t.lemma_ for t in doc if t.text in ("hoped", "fined", "staged")] == ["hope", "fine", "stage"]
    assert not [e for e in events(pipeline, "China hopes to win back Taiwan.") if e.modality == "asserted"]


def test_halting_trade_is_a_sanction_and_promising_it_a_threat(pipeline):
    assert ("SANCTION", "SWE", "ZAF") in dyads(events(pipeline, "Sweden halted all trade with South Africa."))
    promised = events(pipeline, "Sweden promised to halt all trade with South Africa by October.")
    assert ("THREATEN", "SWE", "ZAF") in dyads(promised)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # the object of "discussed" is a topic; the sides are the joint subject
        (("PEKING, March 30 - China and Israel, which have no diplomatic relations, discussed Middle East"
         " peace prospects."), ("CONSULT", "CHN", "ISR")),
        # an unlisted firm takes the country its apposition gives it
        (("BOGOTA, Oct 2 - Colombian tax authorities are investigating Occidental, a U.S.-owned firm,"
         " for alleged tax evasion."), ("ACCUSE", "COL", "USA")),
        # armed men fight with arms
        ("KABUL (Reuters) - Taliban insurgents have been fighting the Afghan government since 2001.",
         ("ASSAULT", "TAL", "AFG")),
        # daring a party to act asks it to
        ("KABUL (Reuters) - The Taliban challenged the Afghan government to match its offer.",
         ("REQUEST", "TAL", "AFG")),
    ],
)
def test_topics_firms_armed_fighting_and_dares(pipeline, text, dyad):
    found = dyads(events(pipeline, text))
    assert dyad in found
    assert not {d for d in found if "MEA" in d}


def test_learning_of_an_act_is_no_meeting(pipeline):
    text = "The State Department said its embassy in Beirut had learned that Glass was kidnapped."
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, text)}


def test_a_story_shared_by_two_states_is_told_from_the_side_of_its_lede(pipeline):
    text = "Kuwait rejected Iranian charges. Kuwait said Iran seized the boats of Kuwait. The foreign ministry summoned the Iranian envoy."
    assert ("ACCUSE", "KWT", "IRN") in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (("British Prime Minister Margaret Thatcher left Bonn after talks with French President Francois"
         " Mitterrand."), ("CONSULT", "GBR", "FRA")),
        (("In a White House meeting with Turkish Prime Minister Binali Yildirim, U.S. Vice President Mike"
         " Pence voiced concern."), ("CONSULT", "USA", "TUR")),
    ],
)
def test_talks_placed_in_the_subjects_day_are_the_subjects(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


def test_talks_still_to_come_are_not_held(pipeline):
    text = "Israeli Prime Minister Ehud Barak has agreed to US mediation in the final status talks with the Palestinians."
    assert ("CONSULT", "ISR", "PSE") not in dyads(e for e in events(pipeline, text) if e.modality == "asserted")


def test_a_state_does_not_summon_its_own_charge_daffaires(pipeline):
    text = "Iran seized Kuwaiti boats. Iranian Charge d'Affaires Mohammad Baqeri was summoned by the Iranian ministry."
    assert ("CONSULT", "IRN", "IRN") not in dyads(events(pipeline, text))


def test_unnamed_arresters_and_prosecutors_are_the_states_where_the_story_is(pipeline):
    found = dyads(events(pipeline, "MOSCOW (Reuters) - A second U.S. Marine was charged with spying on Tuesday."))
    assert ("ACCUSE", "USA", "USA") in found
    text = "Soldiers fired on peasants near Port-au-Prince on Monday. Seven supporters of Aristide were arrested."
    assert ("COERCE", "HTI", None) in dyads(events(pipeline, text))


def test_approving_a_ban_enacts_it_and_blocking_one_rejects_it(pipeline):
    found = dyads(events(pipeline, "OSLO (Reuters) - Norway's parliament has approved an extensive trade ban against South Africa."))
    assert ("COERCE", "NOR", "ZAF") in found
    assert ("REJECT", "NOR", "ZAF") not in found


def test_ordering_ones_own_forces_to_defend_readies_them(pipeline):
    text = ("COLOMBO (Reuters) - Sri Lanka today ordered its armed forces to defend the island's territorial waters"
            " as India prepared to send a flotilla with supplies that Colombo says it does not want.")
    found = dyads(events(pipeline, text))
    assert ("MOBILIZE", "LKA", None) in found
    assert ("AID", "LKA", "LKA") not in found


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # an event told with "the" or an owner, as the subject of a hoped-for clause, is told
        (("LONDON (Reuters) - Amber Rudd said she hoped Britain's condemnation of U.S. President Donald"
         " Trump would not damage ties."), ("ACCUSE", "GBR", "USA")),
        # the party met may be named in the setting
        (("WASHINGTON (Reuters) - President Donald Trump discusses a tax overhaul over lunch with"
         " Senate Finance Committee Chairman Orrin Hatch."), ("CONSULT", "USA", "USA")),
        # charged by the state whose prosecutors say so, wherever the accused is from
        (("NEW YORK (Reuters) - Chi Ping Patrick Ho, 68, of Hong Kong, was charged with violating the"
         " Foreign Corrupt Practices Act, U.S. prosecutors said."), ("ACCUSE", "USA", "CHN")),
    ],
)
def test_told_subjects_settings_and_charges(pipeline, text, dyad):
    assert dyad in dyads(e for e in events(pipeline, text) if e.modality == "asserted")


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (Reuters) - Senator Tom Hale did not talk to reporters who had gathered outside.",
        "WASHINGTON (Reuters) - Mattis said there could be an opportunity for talks between North Korea and the United States.",
    ],
)
def test_silence_to_the_press_and_chances_of_talks_are_no_events(pipeline, text):
    assert not [e for e in events(pipeline, text) if e.modality == "asserted"]


def test_a_title_with_and_still_names_its_holder(pipeline):
    text = ("In Dar es Salaam, Tanzania's Agriculture and Livestock Development Minister Paul Bomani said talks"
            " failed. Bomani called on the ICO to convene another meeting.")
    assert [e for e in events(pipeline, text) if e.plover_type == "REQUEST" and key(e.source) == "TZA"]


def test_encountering_resistance_is_no_meeting(pipeline):
    text = "It discussed ways of marketing crude oil on behalf of Gulf states encountering resistance to OPEC prices."
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, text)}


def test_owning_up_to_a_failure_charges_no_one(pipeline):
    text = US_OPENING + "The Air Force said it failed to provide the records."
    assert not [e for e in after_opening(events(pipeline, text)) if e.plover_type == "ACCUSE"]


def test_an_alleged_deed_is_not_told_as_done(pipeline):
    text = "KYIV (Reuters) - Ukraine made claims of shelling by Russia."
    assert not [e for e in events(pipeline, text) if e.plover_type == "ASSAULT"]


def test_forces_sent_are_no_party_to_their_own_sending(pipeline):
    found = dyads(events(pipeline, "MOSCOW (Reuters) - Russia sent troops to help Kazakhstan's government restore order."))
    assert not [d for d in found if d[1:] == ("RUS", "RUS")]
    assert ("AID", "RUS", "KAZ") in dyads(events(pipeline, "MOSCOW (Reuters) - Russia sent troops to Kazakhstan."))


def test_forces_that_arrive_are_deployed_officials_visit(pipeline):
    assert ("MOBILIZE", "RUS", "KAZ") in dyads(events(pipeline, "MOSCOW (Reuters) - Russian troops arrived in Kazakhstan on Thursday."))
    visit = events(pipeline, "WASHINGTON (Reuters) - Secretary of State Rex Tillerson arrived in Ankara.")
    assert ("CONSULT", "USA", "TUR") in dyads(visit)


@pytest.mark.parametrize(
    "text, dyad",
    [
        (
            "SEOUL (Reuters) - South Korea will face devastating consequences for dropping leaflets, state media KCNA said.",
            ("THREATEN", "PRK", "KOR"),
        ),
        ("North Korea said South Korea would face devastating consequences.", ("THREATEN", "PRK", "KOR")),
        ("Iran said the United States would pay a heavy price for the killing.", ("THREATEN", "IRN", "USA")),
        ("SEOUL (Reuters) - Kim Yo Jong said South Korea would pay dearly for the leaflets.", ("THREATEN", "PRK", "KOR")),
        ("Israel paid a heavy price in the war with Hezbollah.", None),  # told, not said of another
    ],
)
def test_a_penalty_said_to_await_another_threatens_it(pipeline, text, dyad):
    threats = {d for d in dyads(events(pipeline, text)) if d[0] == "THREATEN"}
    assert threats == ({dyad} if dyad else set())


def test_a_measure_a_body_agrees_on_is_no_threat(pipeline):
    text = "BRUSSELS (Reuters) - The European Union has agreed to ban airlines in Belarus from using EU airspace."
    assert "THREATEN" not in {e.plover_type for e in events(pipeline, text)}
    # decided, it is taken; closing airspace to another's airlines sanctions it (CAMEO 160)
    assert ("SANCTION", "EU", "BLR") in dyads(events(pipeline, text))
    threatened = "Russia threatened to ban Ukrainian airlines from its airspace."
    assert "SANCTION" not in {e.plover_type for e in events(pipeline, threatened)}
    # announced, it is taken too; said to come, it threatens
    announced = "WASHINGTON (Reuters) - The EPA announced on Tuesday it will bar certain scientists from its boards."
    assert {e.plover_type for e in events(pipeline, announced)} & {"SANCTION", "COERCE"}
    assert "THREATEN" not in {e.plover_type for e in events(pipeline, announced)}
    said = "WASHINGTON (Reuters) - Trump said he will impose tariffs on Chinese steel."
    assert {e.plover_type for e in events(pipeline, said)} == {"THREATEN"}


def test_what_is_received_is_the_givers_act(pipeline):
    found = dyads(events(pipeline, "WASHINGTON (Reuters) - Israel has received military aid from the United States."))
    assert ("AID", "USA", "ISR") in found and ("AID", "ISR", "USA") not in found
    text = "MINSK (Reuters) - Belarusian authorities said they had received a bomb threat from the Palestinian group Hamas."
    assert "AID" not in {e.plover_type for e in events(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # tariffs on a state's goods reduce economic relations with it, whatever verb lays them
        ("WASHINGTON (Reuters) - The United States on Tuesday imposed tariffs on $50 billion of Chinese goods.",
         ("SANCTION", "USA", "CHN")),
        ("BEIJING (Reuters) - China retaliated on Wednesday with tariffs on $3 billion of American products.",
         ("SANCTION", "CHN", "USA")),
        ("WASHINGTON (Reuters) - President Trump slapped tariffs on steel imports from Canada.",
         ("SANCTION", "USA", "CAN")),
        ("BEIJING (Reuters) - Beijing announced duties on 128 American products, including pork.",
         ("SANCTION", "CHN", "USA")),
        # a measure planned, proposed or considered against a party threatens it
        ("BEIJING (Reuters) - Beijing announced plans to tax $50 billion in American products.",
         ("THREATEN", "CHN", "USA")),
        ("WASHINGTON (Reuters) - President Donald Trump proposed slapping $100 billion in tariffs on China.",
         ("THREATEN", "USA", "CHN")),
        ("MEXICO CITY (Reuters) - Mexico is considering retaliatory tariffs on American pork.",
         ("THREATEN", "MEX", "USA")),
        ("WASHINGTON (Reuters) - Baker said the United States would go ahead with planned tariffs on Japanese goods.",
         ("THREATEN", "USA", "JPN")),
    ],
)
def test_tariffs_are_sanctions_and_planned_ones_threats(pipeline, text, dyad):
    found = [e for e in events(pipeline, text) if e.modality == "asserted"]
    assert dyad in dyads(found)
    assert not {e.plover_type for e in found} & {"ASSAULT", "REQUEST"}


def test_a_plan_guessed_at_or_rejected_is_no_threat(pipeline):
    text = "WASHINGTON (Reuters) - The Pentagon said Tehran may be planning to attack American forces."
    assert "THREATEN" not in {e.plover_type for e in events(pipeline, text) if e.modality == "asserted"}
    text = "WASHINGTON (Reuters) - The Senate rejected a bid to oust the Speaker."
    assert not [e for e in events(pipeline, text) if e.plover_type == "COERCE" and key(e.source) == "USA"]


def test_a_joint_subject_praises_alone_and_numbers_out_of_are_no_ruling_out(pipeline):
    text = "BEIJING (Reuters) - China and Russia welcome and support the efforts made by North Korea."
    found = dyads(events(pipeline, text))
    assert ("SUPPORT", "CHN", "PRK") in found and ("SUPPORT", "CHN", "RUS") not in found
    assert ("SUPPORT", "USA", "CHN") in dyads(events(pipeline, "The US and China signed an agreement."))
    # two parties of one country still criticise within it
    text = "WASHINGTON (Reuters) - Democrats and Republicans criticized the plan."
    assert ("ACCUSE", "USA", "USA") in dyads(events(pipeline, text))
    text = "NEW DELHI (Reuters) - The BJP or its partners rule 21 out of 29 Indian states."
    assert not events(pipeline, text)
    assert ("REJECT", "IRN", "USA") in dyads(events(pipeline, "TEHRAN (Reuters) - Iran ruled out talks with the United States."))


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # a deed named an abuse of power is the speaker's charge against its doer
        (("KUALA LUMPUR (Reuters) - Malaysia's opposition official Wan Jan said the registrar's move was"
          ' "an abuse of power".'), ("ACCUSE", "MYS", "MYS")),
        # a wrong the speaker says another did
        ("NEW DELHI (Reuters) - India's Congress party chief said the BJP erred by raising expectations.",
         ("ACCUSE", "IND", "IND")),
        # turning blame onto another accuses it
        ("NEW DELHI (Reuters) - India's labour minister Ram Paswan deflected some of the blame onto Pakistan.",
         ("ACCUSE", "IND", "PAK")),
        # a feeling word parsed as a passive verb is still the speaker's stand
        ("SALEM, Oregon (Reuters) - Governor Kate Brown said she was deeply troubled by Trump's plan.",
         ("ACCUSE", "USA", "USA")),
    ],
)
def test_wrongs_named_blame_turned_and_troubled_speakers(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


def test_firing_people_dismisses_them_and_charges_faced_are_laid(pipeline):
    assert not events(pipeline, "KUALA LUMPUR (Reuters) - Najib has fired critics within the government.")
    assert ("ASSAULT", "ISR") in {(e.plover_type, key(e.target)) for e in events(pipeline, "GAZA (Reuters) - Militants fired rockets at Israel.")}
    found = dyads(events(pipeline, "PRETORIA (Reuters) - Former President Jacob Zuma faces corruption charges."))
    assert ("ACCUSE", "ZAF", "ZAF") in found
    # what one may face is not yet done
    assert not events(pipeline, "MOSCOW (Reuters) - Navalny faces arrest if he returns to Russia.")
    assert not events(pipeline, "WASHINGTON (Reuters) - Russia faces new sanctions.")


def test_arriving_at_court_is_no_visit_and_a_joint_ceasefire_has_two_sides(pipeline):
    text = "PRETORIA (Reuters) - Jacob Zuma arrived at the high court in Durban for his first hearing."
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, text)}
    text = "ANKARA (Reuters) - Turkey and Russia announced a ceasefire in Idlib on Thursday."
    assert ("RETREAT", "TUR", "RUS") in dyads(events(pipeline, text))


def test_a_call_for_another_to_act_asks_it_of_them(pipeline):
    found = events(pipeline, "BEIJING (Reuters) - China called for the United States to withdraw its troops from South Korea.")
    assert ("REQUEST", "CHN", "USA") in dyads(found)
    assert not [e for e in found if e.plover_type == "RETREAT" and e.modality == "asserted"]
    text = ("WASHINGTON (Reuters) - Republican Representative Joe Barton will not seek re-election."
            " Critics have called for Barton to step down.")
    assert ("REQUEST", "USA", "USA") in dyads(events(pipeline, text))
    # a call for talks is made of the other side of the talks (CAMEO.2.0: an intent to meet)
    text = "SEOUL (Reuters) - North Korea called on Monday for talks with South Korea."
    assert ("REQUEST", "PRK", "KOR") in dyads(events(pipeline, text))
    text = ("SEOUL (Reuters) - South Korea sent a letter to North Korea on Monday."
            " The letter was in reply to a recent North Korean call for talks between the two Koreas.")
    assert ("REQUEST", "PRK", "KOR") in dyads(events(pipeline, text))


def test_critics_of_a_government_are_not_that_government(pipeline):
    text = "HONG KONG (Reuters) - Critics of the Chinese government said the crackdown was a disgrace."
    sources = [e.source for e in events(pipeline, text) if e.plover_type == "ACCUSE"]
    assert sources and all(s.sector == "OPP" and key(s) == "CHN" for s in sources)


def test_a_person_named_before_is_no_town_of_the_same_name(pipeline):
    text = ("WASHINGTON (Reuters) - Republican Representative Joe Barton will not seek re-election."
            " Senator Ted Cruz urged Barton to resign.")
    found = [e for e in events(pipeline, text) if e.plover_type == "REQUEST"]
    assert found and not found[0].target.entry.startswith("place")


def test_resigning_is_a_retreat_and_sanctions_stay_the_crosswalks(pipeline):
    found = events(pipeline, "WASHINGTON (Reuters) - Representative John Conyers stepped down on Tuesday.")
    assert [(e.plover_type, e.mentions[0].plover_mode) for e in found] == [("RETREAT", "resign")]
    found = events(pipeline, "WELLINGTON (Reuters) - New Zealand has imposed sanctions on Fiji.")
    assert ("COERCE", "NZL", "FJI") in dyads(found)
    found = events(pipeline, "WASHINGTON (Reuters) - The Treasury sanctioned three Russian officials on Monday.")
    assert ("COERCE", "USA", "RUS") in dyads(found)
    # approving a thing penalises no one
    assert not events(pipeline, "NEW YORK (Reuters) - The Security Council sanctioned the use of force.")


def test_helping_bring_about_an_outcome_is_no_aid(pipeline):
    found = events(pipeline, "KUALA LUMPUR (Reuters) - Mahathir has helped unite a fractured opposition.")
    assert "AID" not in {e.plover_type for e in found}
    assert ("AID", "USA", "UKR") in dyads(events(pipeline, "KIEV (Reuters) - The United States helped Ukraine defend itself."))


def test_forces_in_what_a_states_own_organ_says_are_that_states(pipeline):
    text = "N'DJAMENA (Reuters) - Chad's military high command said today troops killed 1,269 Libyan soldiers."
    assert ("ASSAULT", "TCD", "LBY") in dyads(events(pipeline, text))


def test_what_a_law_provides_is_no_act(pipeline):
    text = ("WASHINGTON (Reuters) - The Senate bill repeals the Affordable Care Act fine on people who do not"
            " purchase health insurance.")
    assert not events(pipeline, text)


def test_a_charge_in_the_second_of_two_reported_clauses_is_still_the_speakers(pipeline):
    text = "WASHINGTON (Reuters) - Sanders said the tax plan was unfair and the Republicans were corrupt."
    found = [e for e in events(pipeline, text) if e.plover_type == "ACCUSE"]
    assert found and {m.target.sector for e in found for m in e.mentions} >= {"PTY"}


def test_going_to_act_is_a_future_act_or_a_threat(pipeline):
    found = events(pipeline, "WASHINGTON (Reuters) - Reed said Representative John Conyers is going to resign.")
    assert not [e for e in found if e.modality == "asserted" and e.plover_type == "RETREAT"]
    found = events(pipeline, "WASHINGTON (Reuters) - The United States is going to impose sanctions on Russia.")
    assert ("THREATEN", "USA", "RUS") in dyads(found)


def test_paratroopers_that_arrive_are_deployed(pipeline):
    text = "ALMATY (Reuters) - Russian paratrooper units have begun arriving in Kazakhstan."
    assert ("MOBILIZE", "RUS", "KAZ") in dyads(events(pipeline, text))


def test_a_states_vessel_named_again_is_still_its(pipeline):
    text = ("WASHINGTON, Oct 19 - U.S. warships attacked an Iranian oil platform in the Gulf today."
            " Weinberger said four U.S. destroyers attacked the platform about 120 miles east of Bahrain.")
    found = [e for e in events(pipeline, text) if e.plover_type == "ASSAULT"]
    assert all(key(e.target) == "IRN" for e in found) and len(found) >= 1
    text = "WASHINGTON (Reuters) - Trump said he would attend the opening of the Mississippi civil rights museum."
    assert not [e for e in events(pipeline, text) if e.modality == "asserted" and key(e.target) == "USA" and e.plover_type == "AGREE" and "museum" in e.target.text]


def test_weak_on_crime_is_a_charge(pipeline):
    found = events(pipeline, "WASHINGTON (Reuters) - Trump said the Democrats are so weak on crime.")
    assert ("ACCUSE", "USA", "USA") in dyads(found)
    assert not events(pipeline, "WASHINGTON (Reuters) - Economists said the economy is weak.")


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("WASHINGTON (Reuters) - Grassley told CNN the White House should reconsider.", ("REQUEST", "USA", "USA")),
        ("BRUSSELS (Reuters) - EU officials said the United States should remain in the Paris accord.",
         ("REQUEST", "EU", "USA")),
        ("WASHINGTON (Reuters) - Economists said prices should fall.", None),
        # or how it should be
        ("OTTAWA (Reuters) - Clark said the opposition parties should be careful not to raise false alarms.",
         ("REQUEST", "CAN", "CAN")),
        ("WASHINGTON (Reuters) - Economists said prices should be lower next year.", None),
        ("WASHINGTON (Reuters) - Ryan said he believed the accusers and that Senator Hale should leave the race.",
         ("REQUEST", "USA", "USA")),
        # what it should not do is demanded too; what no one said it should do is not
        ("BONN (Reuters) - Germany's economy minister said the European Commission should not cut steel quotas.",
         ("REQUEST", "DEU", "EU")),
        ("WASHINGTON (Reuters) - Schumer did not say Senator Hale should resign.", None),
    ],
)
def test_what_another_should_do_is_demanded_whatever_the_act(pipeline, text, dyad):
    found = events(pipeline, text)
    assert dyad in dyads(found) if dyad else not found


def test_telling_a_party_to_act_demands_it(pipeline):
    found = events(pipeline, "MOSCOW (Reuters) - Russia told the United States to reduce its diplomatic staff.")
    assert ("REQUEST", "RUS", "USA") in dyads(found)
    text = ("WASHINGTON (Reuters) - Trump has told agencies within the Department of Health and Human"
            " Services to stop the payments.")
    assert ("REQUEST", "USA", "USA") in dyads(events(pipeline, text))
    found = events(pipeline, "WASHINGTON (Reuters) - Trump told reporters he wanted to meet Putin.")
    assert "REQUEST" not in {e.plover_type for e in found}


def test_the_enemy_is_the_other_side_and_taken_back_ground_is_seized(pipeline):
    text = ("NICOSIA, March 3 - Iraq said its warplanes struck Iranian targets. Iran said its forces had liberated"
            " 155 square kilometers of enemy-occupied territory and killed 2,000 enemy soldiers.")
    found = dyads(events(pipeline, text))
    assert ("ASSAULT", "IRN", "IRQ") in found and not {d for d in found if "CYP" in d}
    assert "CONCEDE" not in {d[0] for d in found}


def test_western_cambodia_is_cambodia(pipeline):
    assert pipeline.actors.resolve("western Cambodia").key == "KHM"
    assert pipeline.actors.resolve("Western diplomats").key == "WST"


def test_an_ambush_or_storming_is_force_even_within_one_state(pipeline):
    text = "ALMATY (Reuters) - A mob of protesters stormed the mayor's office in Almaty."
    assert ("ASSAULT", "KAZ", "KAZ") in dyads(events(pipeline, text))
    assert not events(pipeline, "WASHINGTON (Reuters) - Senator Bob Corker stormed out of the meeting with Trump.")
    found = events(pipeline, "WASHINGTON (Reuters) - Republican lawmakers attacked the FBI on Tuesday.")
    assert "ASSAULT" not in {e.plover_type for e in found}


def test_civilians_on_the_move_are_not_visiting(pipeline):
    text = "DAMASCUS (Reuters) - Thousands of people have been leaving for northwestern Syria in convoys of buses."
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, text)}
    visit = events(pipeline, "WASHINGTON (Reuters) - Secretary of State Rex Tillerson arrived in Ankara.")
    assert ("CONSULT", "USA", "TUR") in dyads(visit)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("SANTIAGO (Reuters) - Chilean dock workers remained on strike on Tuesday.", ("PROTEST", "CHL", None)),
        ("LA PAZ (Reuters) - The strike began on Monday when Bolivian miners walked out.",
         ("PROTEST", "BOL", "BOL")),
        ("MADRID (Reuters) - Spanish teachers struck for higher pay on Thursday.", ("PROTEST", "ESP", "ESP")),
    ],
)
def test_workers_strike_in_protest_not_with_weapons(pipeline, text, dyad):
    found = [e for e in events(pipeline, text) if e.modality == "asserted"]
    assert dyad[:2] in {d[:2] for d in dyads(found)}
    assert "ASSAULT" not in {e.plover_type for e in found}


@pytest.mark.parametrize(
    "text, dyad",
    [
        # two sides that accuse each other, or trade accusations, accuse each other
        ("BAKU (Reuters) - Azerbaijan and Armenia accused each other of violating the ceasefire.", ("ACCUSE", "AZE", "ARM")),
        ("BAKU (Reuters) - Azerbaijan and Armenia traded accusations over the shelling.", ("ACCUSE", "AZE", "ARM")),
        # crowds protest against their own rulers
        ("CARACAS (Reuters) - Thousands of protesters took to the streets of Caracas on Monday.", ("PROTEST", "VEN", "VEN")),
        ("CARACAS (Reuters) - Thousands rallied in Caracas against the government on Monday.", ("PROTEST", "VEN", "VEN")),
        ("CARACAS (Reuters) - Opposition leader Juan Guaido told a rally in Caracas that Maduro must go.",
         ("PROTEST", "VEN", "VEN")),
        ("KABUL (Reuters) - Taliban fighters took over the town of Kunduz on Monday.", ("ASSAULT", "TAL", "AFG")),
    ],
)
def test_mutual_charges_and_crowds_at_home(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at a rally in Ohio, President Trump attacked Senator Tom Hale.",
        "President Trump held a rally in Ohio on Friday.",
        "Former President Obama told campaign rallies in Ohio that voters should turn out.",
        "President Trump voiced support for Tom Hale during a rally in Ohio.",
        "President Trump is slated to travel to a rally in Ohio on Friday.",
    ],
)
def test_a_leaders_or_a_campaigns_rally_is_no_protest(pipeline, text):
    assert "PROTEST" not in {e.plover_type for e in after_opening(events(pipeline, US_OPENING + text))}


def test_a_request_taken_up_is_its_makers(pipeline):
    text = "CAIRO (Reuters) - The Egyptian government is considering Israel's request for access to the prisoner."
    assert ("REQUEST", "ISR", "EGY") in dyads(events(pipeline, text))
    text = "ANKARA (Reuters) - Turkey sent a request to Greece for talks on Monday."
    assert ("REQUEST", "TUR", "GRC") in dyads(events(pipeline, text))


def test_backing_received_or_won_is_the_givers_support(pipeline):
    text = "NAIROBI (Reuters) - Kenya has received strong backing from the United States."
    assert ("SUPPORT", "USA", "KEN") in dyads(events(pipeline, text))
    text = "NAIROBI (Reuters) - Kenya won the backing of Germany for its bid."
    assert ("SUPPORT", "DEU", "KEN") in dyads(events(pipeline, text))


def test_showing_something_abused_office_and_a_common_word_are_no_events(pipeline):
    text = "LJUBLJANA (Reuters) - This was demonstrated by our vote against the plan, the Slovenian minister said."
    assert "PROTEST" not in {e.plover_type for e in events(pipeline, text)}
    text = "LIMA (Reuters) - The Peruvian president abused his power, the newspaper reported."
    assert not events(pipeline, text)
    text = "LIMA (Reuters) - Peru's Congress said the Peruvian president abused the power given to him by voters."
    assert ("ACCUSE", "PER", "PER") in dyads(events(pipeline, text))
    text = "KIEV (Reuters) - The United States urged Ukraine to grant a temporary amnesty to the activists."
    assert "AMN" not in {key(e.target) for e in events(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # the parser reads "has" as the verb and the participle as its complement
        ("WASHINGTON (Reuters) - Trump has several times contradicted Tillerson on foreign policy issues.",
         ("ACCUSE", "USA", "USA")),
        # ... and hangs a second finite verb on the reported clause, whose passive subject is not its own
        ('MOSCOW (Reuters) - Russia has said its missions are watched and has accused Washington of "spy-mania."',
         ("ACCUSE", "RUS", "USA")),
    ],
)
def test_subjects_the_parser_misplaces(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


def test_diplomats_being_expelled_are_expelled(pipeline):
    text = "WASHINGTON (Reuters) - Television showed 60 Russian diplomats being expelled from the United States."
    assert ("SANCTION", "USA", "RUS") in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "BEIJING (Reuters) - Chinese activists set off on a march to the prison.",
        "PARIS (Reuters) - French farmers went on a march through Paris.",
        "SEOUL (Reuters) - Hundreds of South Korean supporters of the former president gathered outside the court.",
    ],
)
def test_marches_and_rallies_are_protests(pipeline, text):
    assert {e.plover_type for e in events(pipeline, text)} == {"PROTEST"}


def test_gathering_or_helping_ones_family_is_no_event(pipeline):
    assert not events(pipeline, "SEOUL (Reuters) - Hundreds of South Koreans gathered outside the court.")
    text = "NEW YORK (Reuters) - The Uzbek immigrant was able to support his family and help his parents."
    assert not events(pipeline, text)


def test_wanting_or_encouraging_a_party_to_act_asks_it_of_them(pipeline):
    text = "MOSCOW (Reuters) - Russia has released questions that it wants Britain and France to answer."
    found = dyads(events(pipeline, text))
    assert {("REQUEST", "RUS", "GBR"), ("REQUEST", "RUS", "FRA")} <= found
    text = "KIEV (Reuters) - The United States strongly encourages the government of Ukraine to repeal the law."
    assert dyads(events(pipeline, text)) == {("REQUEST", "USA", "UKR")}
    text = "ABUJA (Reuters) - Daura wants the girls to rest before he hands them over."
    assert "REQUEST" not in {e.plover_type for e in events(pipeline, text)}


def test_saying_another_was_involved_in_a_deed_blames_them(pipeline):
    text = "LONDON (Reuters) - Britain says the Russian government was involved in the March 4 attack."
    assert ("ACCUSE", "GBR", "RUS") in dyads(events(pipeline, text))
    text = "LONDON (Reuters) - The minister said Iran was complicit in the plot."
    assert ("ACCUSE", "GBR", "IRN") in dyads(events(pipeline, text))
    assert not events(pipeline, "MOSCOW (Reuters) - Russia said it was not involved in the attack.")
    assert not events(pipeline, "LONDON (Reuters) - Britain is responsible for the security of the island.")
    # a preposition said of the doer as the adjective is
    assert ("ACCUSE", "UKR", "RUS") in dyads(events(pipeline, "KIEV (Reuters) - Ukraine said Russia was behind the attack."))
    assert not events(pipeline, "KIEV (Reuters) - Officials said the car was behind the building.")


def test_an_invitation_to_act_asks_and_one_to_meet_invites(pipeline):
    text = "ATHENS (Reuters) - Greece invited Turkey to take the dispute to the International Court of Justice."
    assert dyads(events(pipeline, text)) == {("REQUEST", "GRC", "TUR")}
    text = "ATHENS (Reuters) - Greece invited Turkey to visit Athens."
    assert ("CONSULT", "GRC", "TUR") in dyads(events(pipeline, text))


def test_ground_held_by_a_party_is_theirs_when_attacked(pipeline):
    text = "RIYADH (Reuters) - The Saudi-led coalition intensified air strikes on areas controlled by the Houthis."
    assert ("ASSAULT", "SAU", "YEM") in dyads(events(pipeline, text))
    text = "SANAA (Reuters) - Saudi jets struck the Houthi-held port of Hodeidah."
    assert ("ASSAULT", "SAU", "YEM") in dyads(events(pipeline, text))


def test_an_object_pronoun_never_means_its_verbs_subject(pipeline):
    text = ("WASHINGTON (Reuters) - Roy Moore faces calls to quit. Senate Majority Leader Mitch McConnell said "
            "he believed Moore's accusers and joined other senators in urging him to quit the race.")
    urged = [e for e in events(pipeline, text) if e.plover_type == "REQUEST"]
    assert urged and "Moore" in (urged[0].target.entry or "")
    text = "JERUSALEM (Reuters) - Israeli Prime Minister Benjamin Netanyahu phoned Canadian Prime Minister Justin Trudeau to congratulate him."
    assert ("SUPPORT", "ISR", "CAN") in dyads(events(pipeline, text))
    text = ("WASHINGTON (Reuters) - House Republicans unveiled their tax bill on Thursday. Farm groups criticized "
            "the bill, while the national business lobby backed it.")
    assert ("SUPPORT", "USA", "USA") in dyads(events(pipeline, text))  # "it" is the bill, not the lobby


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (Reuters) - The Justice Department appealed the ruling on Friday.",
        "WASHINGTON (Reuters) - The Justice Department filed its notice of appeal to the U.S. Court of Appeals.",
        "WASHINGTON (Reuters) - The Justice Department filed an appeal against the verdict.",
    ],
)
def test_an_appeal_against_a_ruling_is_a_legal_challenge(pipeline, text):
    assert dyads(events(pipeline, text)) == {("ACCUSE", "USA", "USA")}


def test_a_plea_is_still_a_request_and_leave_to_act_is_no_act(pipeline):
    text = "NAIROBI (Reuters) - Kenya appealed to the United Nations for help."
    assert ("REQUEST", "KEN", "UN") in dyads(events(pipeline, text))
    text = "WASHINGTON (Reuters) - The law gives Congress the power to impose sanctions on Russia."
    assert not [e for e in events(pipeline, text) if e.modality == "asserted"]


def test_joining_an_act_is_doing_it(pipeline):
    text = "WASHINGTON (Reuters) - Thousands of Americans joined the protests against President Trump."
    assert dyads(events(pipeline, text)) == {("PROTEST", "USA", "USA")}
    text = "WASHINGTON (Reuters) - Google and Facebook on Wednesday joined a legal challenge to the decision by President Trump."
    assert ("ACCUSE", "USA", "USA") in dyads(events(pipeline, text))
    text = "AMMAN (Reuters) - Jordan joined the fight against Islamic State."
    assert ("ASSAULT", "JOR", "ISIS") in dyads(events(pipeline, text))


def test_where_a_journey_began_is_no_party_and_a_strike_unions_call_is_a_protest(pipeline):
    text = "MOSCOW (Reuters) - Secretary of State George Shultz arrived in Moscow from Helsinki on Monday."
    assert dyads(events(pipeline, text)) == {("CONSULT", "USA", "RUS")}
    text = "QUITO (Reuters) - The strike, called by Ecuadorean unions, paralysed the capital on Tuesday."
    assert "ASSAULT" not in {e.plover_type for e in events(pipeline, text)}


def test_a_chinese_leader_named_by_family_name_and_who_was_not_blamed(pipeline):
    text = ("WASHINGTON (Reuters) - Trump said Chinese President Xi Jinping was upping sanctions on North Korea "
            "and that Xi wanted Pyongyang to denuclearize.")
    assert ("REQUEST", "CHN", "PRK") in dyads(events(pipeline, text))
    text = "WASHINGTON (Reuters) - Trump said he blamed his predecessors, not China, for the trade imbalance."
    assert "CHN" not in {key(e.target) for e in events(pipeline, text)}


def test_a_pronoun_object_after_a_call_is_whom_was_called(pipeline):
    text = ("TOKYO (Reuters) - Treasury Secretary James Baker met Finance Minister Kiichi Miyazawa. The newspaper "
            "reported Baker called Miyazawa early this week to warn him the talks would fail.")
    assert ("THREATEN", "USA", "JPN") in dyads(events(pipeline, text))


def test_a_namesake_son_is_of_his_fathers_country(pipeline):
    text = "MOSCOW (Reuters) - A Russian lawyer who met Donald Trump Jr. during the 2016 campaign spoke on Tuesday."
    assert ("CONSULT", "RUS", "USA") in dyads(events(pipeline, text))


def test_a_light_verb_carries_events_it_counts(pipeline):
    text = "BEIJING (Reuters) - Chinese activist Li Wenzu has made dozens of freedom of information requests to police."
    assert ("REQUEST", "CHN", "CHN") in dyads(events(pipeline, text))


def test_a_veto_is_a_rejection(pipeline):
    text = "UNITED NATIONS (Reuters) - China vetoed a draft resolution on Myanmar put forward by Britain."
    found = events(pipeline, text, include_unasserted=True)
    assert "REJECT" in {e.plover_type for e in found}
    assert "COERCE" not in {e.plover_type for e in found}


def test_a_joint_statement_is_what_two_parties_agreed(pipeline):
    text = "MANILA (Reuters) - The United States and the Philippines issued a joint statement on Tuesday."
    found = events(pipeline, text)
    assert ("AGREE", "USA", "PHL") in dyads(found)
    assert all(e.modality == "asserted" for e in found if e.plover_type == "AGREE")
    agreed = "DANANG (Reuters) - Trump and Putin agreed on a joint statement on Syria on Saturday."
    assert ("AGREE", "USA", "RUS") in dyads(events(pipeline, agreed))
    saying = "The United States and the EU released a joint statement criticising arrests in Zimbabwe."
    assert dyads(events(pipeline, saying)) == {("ACCUSE", "USA", "ZWE"), ("ACCUSE", "EU", "ZWE")}


def test_said_to_be_to_blame_is_blame_by_the_speaker(pipeline):
    said = "MOSCOW (Reuters) - The Kremlin said on Sunday that Washington was to blame for the failure of the talks."
    assert ("ACCUSE", "RUS", "USA") in dyads(events(pipeline, said))
    told = "Washington was to blame for the failure of the talks, which ended on Sunday."
    assert "ACCUSE" not in {e.plover_type for e in events(pipeline, told)}


def test_then_before_an_office_keeps_its_country(pipeline):
    text = "WASHINGTON (Reuters) - Flynn spoke by phone with then-Russian Ambassador Sergei Kislyak in December."
    assert ("CONSULT", "RUS") in {(t, tgt) for t, _, tgt in dyads(events(pipeline, text))}


def test_the_party_a_topic_was_discussed_with(pipeline):
    text = "PARIS (Reuters) - Macron discussed the crisis with German Chancellor Olaf Scholz on Monday."
    assert ("CONSULT", "FRA", "DEU") in dyads(events(pipeline, text))
    family = "WASHINGTON (Reuters) - The senator said that after discussing options with his family, he would retire."
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, family)}


def test_a_bare_strike_in_a_story_of_workers_is_theirs(pipeline):
    text = (
        "BRASILIA (Reuters) - Brazilian dockers and their unions want higher wages. "
        "The government has officially reported 70 strikes this month."
    )
    found = events(pipeline, text)
    assert [("PROTEST", "143", "BRA", "BRA")] == [(e.plover_type, e.cameo_code, key(e.source), key(e.target)) for e in found]
    war = "BEIRUT (Reuters) - Workers at the port said an air strike hit the docks. A second strike hit the town on Monday."
    assert "PROTEST" not in {e.plover_type for e in events(pipeline, war)}


def test_a_meeting_dated_by_a_verb_of_asking_was_held(pipeline):
    text = "PARIS (Reuters) - Macron told reporters after meeting Merkel on Monday that he was pleased."
    found = events(pipeline, text, include_unasserted=True)
    assert [("CONSULT", "FRA", "DEU", "asserted")] == [
        (e.plover_type, key(e.source), key(e.target), e.modality) for e in found
    ]


def test_appearing_in_court_is_the_states_case_against_the_defendant(pipeline):
    text = "JOHANNESBURG (Reuters) - South Africa's former President Jacob Zuma appeared in court on corruption charges."
    found = events(pipeline, text)
    assert [("ACCUSE", "ZAF", "ZAF")] == [(e.plover_type, key(e.source), key(e.target)) for e in found]
    assert found[0].source.sector == "JUD"
    unknown = "The former president appeared in court on corruption charges."
    assert events(pipeline, unknown) == []


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW (Reuters) - The Kremlin regretted the lack of a bilateral meeting between Russia and the United States.",
        "LUSAKA (Reuters) - There was no sign of Zambian troops or police reinforcements on the streets.",
    ],
)
def test_an_event_said_to_be_missing_did_not_happen(pipeline, text):
    found = events(pipeline, text, include_unasserted=True)
    assert found and all(e.modality == "negated" for e in found if e.plover_type in ("CONSULT", "MOBILIZE"))


def test_releasing_a_publication_frees_no_one(pipeline):
    text = "BEIJING (Reuters) - Chinese authorities released a white paper on religion on Tuesday."
    assert events(pipeline, text) == []
    freed = "BEIJING (Reuters) - Chinese authorities released the activist on Tuesday."
    assert "RETREAT" in {e.plover_type for e in events(pipeline, freed)}


def test_talks_someone_says_would_happen_are_no_scheduled_meeting(pipeline):
    hearsay = "WASHINGTON (Reuters) - Schumer said Democrats would continue their talks with Russia."
    assert events(pipeline, hearsay) == []
    scheduled = "WASHINGTON (Reuters) - Ukrainian President Petro Poroshenko will meet Trump in Washington on Tuesday."
    # a meeting on the schedule is kept, as one still to come (GUIDE: future acts are not asserted)
    planned = [e for e in events(pipeline, scheduled, include_unasserted=True) if e.plover_type == "AGREE"]
    assert [(key(e.source), key(e.target), e.modality) for e in planned] == [("UKR", "USA", "future")]


def test_a_nomination_approved_is_support_for_the_government_that_made_it(pipeline):
    text = "WASHINGTON (Reuters) - The Senate Foreign Relations Committee approved the nomination on Tuesday."
    assert ("SUPPORT", "USA", "USA") in dyads(events(pipeline, text))


def test_an_offer_not_made_is_no_refusal(pipeline):
    text = "MOSCOW (Reuters) - The Kremlin said the Americans did not offer any alternative proposal to Russia."
    assert "REJECT" not in {e.plover_type for e in events(pipeline, text, include_unasserted=True)}
    refused = "MOSCOW (Reuters) - Russia did not agree to the American proposal on Monday."
    assert "REJECT" in {e.plover_type for e in events(pipeline, refused)}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # an attack noun whose object is a thing, in one foreign state: that state is struck
        ("JERUSALEM (Reuters) - The Israeli strike on a weapons depot in Syria was the third this month.",
         ("ASSAULT", "ISR", "SYR")),
        # the place of the event noun a light verb carries is the act's place
        ("JERUSALEM (Reuters) - Israeli jets carried out strikes near Damascus overnight.", ("ASSAULT", "ISR", "SYR")),
        # a coalition "led" by a state is that state's, also as a modifier of the attack
        ("SANAA (Reuters) - A Saudi-led coalition air strike hit a market in Saada on Monday.",
         ("ASSAULT", "SAU", "YEM")),
        # an attack told inside an attack shares its places
        (("TEHRAN (Reuters) - Iranian troops are fighting on two fronts in a new offensive in the "
          "mountains of Kurdistan in northern Iraq."), ("ASSAULT", "IRN", "IRQ")),
    ],
)
def test_an_attack_abroad_strikes_the_state_where_it_fell(pipeline, text, dyad):
    assert dyad in dyads(events(pipeline, text))


def test_an_attack_by_forces_of_no_stated_country_strikes_no_foreign_state(pipeline):
    text = (
        "WASHINGTON (Reuters) - The United States urged calm. "
        "Security forces launched a crackdown in Rakhine state in Myanmar on Friday."
    )
    assert ("ASSAULT", "USA", "MMR") not in dyads(events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "both countries" as the target: a request to each of the two states named last
        (
            (
                "ATHENS (Reuters) - Greek and Turkish warships sailed into the Aegean on Sunday. "
                "NATO called on both countries to avoid any action that could raise tension."
            ),
            {("REQUEST", "NATO", "GRC"), ("REQUEST", "NATO", "TUR")},
        ),
        # "the two countries" as the subject of talks: held between them
        (
            (
                "NEW DELHI (Reuters) - India and the United States opened trade talks on Monday. "
                "Talks between the two countries ended on Friday."
            ),
            {("CONSULT", "IND", "USA")},
        ),
        # talks act through their parties; a sentence naming no one but "the two countries" is read
        (
            (
                "DHAKA (Reuters) - Myanmar and Bangladesh met in Dhaka on Monday. "
                "Earlier talks between the two countries reached an agreement on fishing rights."
            ),
            {("AGREE", "MMR", "BGD")},
        ),
        (
            "ANKARA (Reuters) - Earlier talks between Russia and Turkey reached an agreement on a ceasefire in Idlib.",
            {("AGREE", "RUS", "TUR")},
        ),
    ],
)
def test_the_two_countries_are_the_two_states_named_last(pipeline, text, expected):
    assert expected <= dyads(events(pipeline, text))


def test_the_two_leaders_praising_their_friendship_praise_each_other(pipeline):
    text = (
        "TOKYO (Reuters) - Japanese Prime Minister Shinzo Abe met U.S. President Donald Trump in "
        "Tokyo on Monday. The two leaders toasted their friendship."
    )
    assert {("SUPPORT", "JPN", "USA"), ("SUPPORT", "USA", "JPN")} & dyads(events(pipeline, text))


def test_both_sides_of_a_house_are_no_two_states(pipeline):
    text = (
        "WASHINGTON (Reuters) - Russia and China criticised the bill. "
        "Lawmakers from both sides of the aisle praised the bill on Tuesday."
    )
    assert not {d for d in dyads(events(pipeline, text)) if d[0] == "SUPPORT" and d[1] in ("RUS", "CHN")}


def test_the_content_of_an_offer_is_not_done(pipeline):
    text = (
        "ANKARA (Reuters) - Turkey said it was studying the offer by Greece that the two countries meet "
        "in Geneva to discuss the Aegean dispute."
    )
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, text)}


def test_talks_dealing_with_a_topic_deal_with_no_one(pipeline):
    text = "CAIRO (Reuters) - Egypt and the United States held talks dealing with the tank plant on Monday."
    assert {e.plover_type for e in events(pipeline, text)} == {"CONSULT"}


def test_a_minister_flying_in_visits_and_troops_flying_in_deploy(pipeline):
    visit = "SEOUL (Reuters) - U.S. Defense Secretary Jim Mattis flew into Seoul on Friday for annual defense talks."
    assert ("CONSULT", "USA", "KOR") in dyads(events(pipeline, visit))
    assert "MOBILIZE" not in {e.plover_type for e in events(pipeline, visit)}
    deployed = "DAMASCUS (Reuters) - Russian bombers flew into Syrian airspace on Friday."
    assert ("MOBILIZE", "RUS", "SYR") in dyads(events(pipeline, deployed))


def test_the_public_is_the_people_public_opinion_is_no_one(pipeline):
    called = "KUALA LUMPUR (Reuters) - Malaysian police called on the public to stay calm on Monday."
    found = one(pipeline, called, "REQUEST")
    assert (key(found.source), key(found.target), found.target.sector) == ("MYS", "MYS", "CVL")
    for text in (
        "KUALA LUMPUR (Reuters) - Malaysian police criticised public opinion on Monday.",
        "KUALA LUMPUR (Reuters) - The party wants headscarves to be banned in public.",
    ):
        assert all(e.target is None or e.target.sector != "CVL" for e in events(pipeline, text, include_unasserted=True))


def test_one_of_the_two_countries_acting_on_both_acts_on_the_other(pipeline):
    text = (
        "ISLAMABAD (Reuters) - Pakistan's president today rejected a fresh offer from Afghanistan for "
        "direct talks between the two neighbours."
    )
    assert {d for d in dyads(events(pipeline, text)) if d[0] == "REJECT"} == {("REJECT", "PAK", "AFG")}


def test_a_states_allies_are_not_that_state(pipeline):
    text = (
        "ATHENS (Reuters) - Greece and Turkey's NATO allies today called on both countries to avoid "
        "any action that could raise tension."
    )
    assert {("REQUEST", "NATO", "GRC"), ("REQUEST", "NATO", "TUR")} == {
        d for d in dyads(events(pipeline, text)) if d[0] == "REQUEST"
    }
    allies = "MOSCOW (Reuters) - Russia's allies condemned the strike on Monday."
    assert all(key(e.source) != "RUS" for e in events(pipeline, allies, include_unasserted=True))


def test_attacking_a_stance_or_a_freeze_is_words(pipeline):
    text = "BELGRADE (Reuters) - Belgrade trade unions attacked the Yugoslav government's pay freeze on Monday."
    assert "ASSAULT" not in {e.plover_type for e in events(pipeline, text)}
    assert "ACCUSE" in {e.plover_type for e in events(pipeline, text)}


def test_a_joint_news_conference_is_a_meeting_a_news_conference_is_not(pipeline):
    joint = "TOKYO (Reuters) - Trump later told a joint news conference with Abe that the talks had gone well."
    assert ("CONSULT", "USA", "JPN") in dyads(events(pipeline, joint))
    alone = "TOKYO (Reuters) - Trump told a news conference on Monday that Japan was a great ally."
    assert "CONSULT" not in {e.plover_type for e in events(pipeline, alone)}


def test_a_day_owns_no_attack(pipeline):
    text = "TEHRAN (Reuters) - Iran said several people were injured in Monday's U.S. attack on an Iranian oil site."
    assert ("ASSAULT", "USA", "IRN") in dyads(events(pipeline, text))


def test_targeting_with_sanctions_is_the_sanctions_and_a_ban_targets_no_one_by_force(pipeline):
    sanctions = "WASHINGTON (Reuters) - U.S. lawmakers target Myanmar military with new sanctions."
    found = dyads(events(pipeline, sanctions))
    assert ("COERCE", "USA", "MMR") in found and not {d for d in found if d[0] == "ASSAULT"}
    ban = (
        "WASHINGTON (Reuters) - A U.S. appeals court said Trump's travel ban targeting six "
        "Muslim-majority countries should not be applied to people with ties to the United States."
    )
    assert "ASSAULT" not in {e.plover_type for e in events(pipeline, ban, include_unasserted=True)}
    drones = "KABUL (Reuters) - U.S. drones targeted Taliban fighters in Helmand on Monday."
    assert ("ASSAULT", "USA", "TAL") in dyads(events(pipeline, drones))


def test_the_two_leaders_of_a_story_that_moved_on_are_not_the_states_named_long_before(pipeline):
    filler = " ".join(["Lawmakers debated the tax bill in committee for most of the week."] * 14)
    text = (
        "WASHINGTON (Reuters) - Russia and China criticised the U.S. tax plan on Monday.\n\n"
        f"{filler}\n\n"
        "Senator Schumer and Senator McConnell met on Friday. The two leaders praised the compromise."
    )
    assert not {d for d in dyads(events(pipeline, text)) if {"RUS", "CHN"} & set(d[1:])} - {
        ("ACCUSE", "RUS", "USA"), ("ACCUSE", "CHN", "USA")
    }


def test_a_group_of_states_named_one_by_one_is_each_of_them(pipeline):
    text = (
        "KUWAIT (Reuters) - Kuwait has asked at least four countries, including the United States, "
        "Russia, Britain and China, for temporary use of their flags."
    )
    requests = {d for d in dyads(events(pipeline, text)) if d[0] == "REQUEST"}
    assert requests == {("REQUEST", "KWT", c) for c in ("USA", "RUS", "GBR", "CHN")}


def test_the_un_missions_of_states_are_those_states(pipeline):
    text = "WASHINGTON (Reuters) - Flynn also phoned the U.N. missions of Uruguay and Malaysia before the vote."
    consults = {d[2] for d in dyads(events(pipeline, text)) if d[0] == "CONSULT"}
    assert consults == {"URY", "MYS"}
    inquiry = "GENEVA (Reuters) - The UN mission of inquiry accused Syria of war crimes."
    assert ("ACCUSE", "UN", "SYR") in dyads(events(pipeline, inquiry))


def test_asking_for_someone_to_act_asks_it_of_them(pipeline):
    text = "KIEV (Reuters) - Ukraine's foreign minister asked for Russia to pay for the damage on Monday."
    assert ("REQUEST", "UKR", "RUS") in dyads(events(pipeline, text))


def test_an_event_set_before_another_keeps_its_own_day(pipeline):
    text = (
        "LONDON (Reuters) - Thatcher left Bonn yesterday evening after talks with Chancellor Helmut Kohl "
        "ahead of her visit to Moscow next week."
    )
    talks = [e for e in events(pipeline, text) if e.plover_type == "CONSULT" and key(e.target) == "DEU"]
    assert talks and talks[0].when.start == date(2015, 10, 4)  # yesterday, not next week
    # an event the act happens in gives it its day
    meeting = (
        "BRUSSELS (Reuters) - EU leaders condemned the arrest at their summit on Saturday and called "
        "for Belarus to free the journalist."
    )
    asked = one(pipeline, meeting, "REQUEST")
    assert asked.when.start == date(2015, 10, 3)


def test_the_pope_speaks_for_the_holy_see(pipeline):
    e = one(pipeline, "The pope criticized Trump's decision to leave the climate accord.", "ACCUSE")
    assert (key(e.source), key(e.target)) == ("VAT", "USA")


def test_presenting_credentials_is_a_meeting(pipeline):
    e = one(pipeline, "The new British ambassador presented her credentials to President Putin.", "CONSULT")
    assert key(e.target) == "RUS"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Administrator Scott Pruitt of the EPA, in a trip to Morocco last week, promoted gas exports.", ("USA", "MAR")),
        ("During a visit to Beijing, Trump praised the Chinese leadership.", ("USA", "CHN")),
        ("After a day of meetings with President Reagan, the Canadian prime minister said the talks had gone well.",
         ("CAN", "USA")),
        ("After a week of talks with Chinese officials, the German chancellor flew home.", ("DEU", "CHN")),
    ],
)
def test_a_trip_or_talks_set_around_a_clause_are_its_subjects(pipeline, text, expected):
    e = one(pipeline, text, "CONSULT")
    assert (key(e.source), key(e.target)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Rex Tillerson will accompany Trump on his trip to Asia.",
        "The three American players admitted to shoplifting during a team trip to China.",
    ],
)
def test_a_tour_of_a_continent_or_a_team_trip_is_no_state_visit(pipeline, text):
    assert not [e for e in events(pipeline, text, include_unasserted=True) if e.plover_type == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        ("The Kremlin said on Monday that Putin would meet Abe in Moscow. A Kremlin spokesman, Dmitry Peskov, "
         "declined to comment to Reuters."),
        "A Kremlin spokesman declined comment.",
        "The Russian ministry refused to say whether talks had begun.",
    ],
)
def test_declining_to_comment_rejects_no_one(pipeline, text):
    assert not [e for e in events(pipeline, text, include_unasserted=True) if e.plover_type == "REJECT"]


def test_refusing_to_respond_to_a_demand_is_still_a_rejection(pipeline):
    text = "Hamas has refused to respond to a demand from the US President to recognise Israel."
    assert one(pipeline, text, "REJECT")


def test_negotiators_from_three_states_meet_each_other(pipeline):
    text = "NAFTA negotiators from the United States, Canada and Mexico met behind closed doors at a Washington hotel."
    found = {(key(e.source), key(e.target)) for e in events(pipeline, text) if e.plover_type == "CONSULT"}
    assert {("USA", "CAN"), ("USA", "MEX")} <= found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Riyadh said the missile launch was an act of direct military aggression by Iran.", ("SAU", "IRN")),
        ("China said the American patrol near its islands was a serious provocation.", ("CHN", "USA")),
        ("The Canadian government said the new American tariffs were harmful to its farmers.", ("CAN", "USA")),
    ],
)
def test_a_deed_said_to_be_aggression_or_harmful_is_an_accusation(pipeline, text, expected):
    e = one(pipeline, text, "ACCUSE")
    assert (key(e.source), key(e.target)) == expected


def test_undertaking_an_act_of_aggression_is_no_accusation_by_the_doer(pipeline):
    text = "The envoy said the United States has undertaken an act of armed aggression against Iran."
    assert not [e for e in events(pipeline, text) if e.plover_type == "ACCUSE" and key(e.source) == "USA"]


def test_will_not_allow_warns_and_the_act_not_allowed_did_not_happen(pipeline):
    found = events(pipeline, "The United States said it will not allow Iran to use missiles against shipping.")
    threat = [e for e in found if e.plover_type == "THREATEN"]
    assert threat and (key(threat[0].source), key(threat[0].target)) == ("USA", "IRN")
    assert threat[0].modality == "asserted"
    assert not [e for e in found if e.plover_type == "ASSAULT"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran has test-fired its new Silkworm missiles near the strait.", "IRN"),
        ("North Korea conducted its sixth nuclear test on Sunday.", "PRK"),
        ("The Soviet Union carried out an underground nuclear test at its Semipalatinsk site.", "SUN"),
    ],
)
def test_a_weapons_test_shows_force_and_attacks_no_one(pipeline, text, expected):
    found = events(pipeline, text)
    assert not [e for e in found if e.plover_type == "ASSAULT"]
    e = one(pipeline, text, "MOBILIZE")
    assert key(e.source) == expected


def test_its_inside_a_relative_clause_is_the_relatives_antecedent(pipeline):
    text = "The American navy is watching North Korea, which conducted its last missile test in September."
    e = one(pipeline, text, "MOBILIZE")
    assert key(e.source) == "PRK"


def test_telling_reporters_what_happened_reports_it_telling_someone_to_act_asks_it(pipeline):
    told = one(pipeline, "The spokesman told reporters that Syrian government forces had shelled Idlib.", "ASSAULT")
    assert told.modality == "asserted"
    asked = events(pipeline, "The minister told Syrian government forces to stop shelling Idlib.", include_unasserted=True)
    assert all(e.modality != "asserted" for e in asked if e.plover_type == "ASSAULT")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Honduras has faced violent protests over the disputed results of the election.", ("HND", "HND")),
        ("Amid continuing protests in Iran, the government blocked the internet.", ("IRN", "IRN")),
    ],
)
def test_protests_no_one_is_named_for_are_the_peoples_of_their_place(pipeline, text, expected):
    e = one(pipeline, text, "PROTEST")
    assert (key(e.source), key(e.target)) == expected


def test_a_protest_made_by_an_act_is_the_actors_own_not_a_crowds(pipeline):
    text = "The European Commission suspended aid to Afghanistan in protest at the harassment of its staff."
    assert not [e for e in events(pipeline, text) if e.plover_type == "PROTEST"]


def test_putting_down_protests_represses_them(pipeline):
    found = events(pipeline, "Syrian troops put down the protests in Deraa.")
    assert [e for e in found if e.plover_type == "ASSAULT" and e.cameo_code == "175" and key(e.source) == "SYR"]


def test_captives_released_are_released_by_whoever_held_them(pipeline):
    e = one(pipeline, "Two Italian engineers held by the Taliban were released on Monday.", "RETREAT")
    assert (key(e.source), key(e.target)) == ("TAL", "ITA")


def test_people_doing_something_in_a_participle_do_it_themselves(pipeline):
    text = "Venezuelan police used tear gas against protesters challenging President Maduro's victory."
    found = {(e.plover_type, key(e.source), key(e.target)) for e in events(pipeline, text)}
    assert ("ACCUSE", "VEN", "VEN") in found


def test_a_time_until_which_something_lasts_is_not_the_day_of_the_act(pipeline):
    e = one(pipeline, "Russia suspended the talks with Japan until March.", "SANCTION")
    assert e.when is not None and e.when.start == date(2015, 10, 5)


def test_a_visit_that_will_be_wrapped_up_is_under_way(pipeline):
    e = one(pipeline, "President Trump will wrap up his visit to Seoul on Wednesday.", "CONSULT")
    assert (key(e.source), key(e.target), e.modality) == ("USA", "KOR", "asserted")
    assert [e.modality for e in events(pipeline, "Trump will visit Seoul next week.", include_unasserted=True)] == ["future"]


def test_repelling_an_attack_on_a_place_strikes_the_attacker(pipeline):
    e = one(pipeline, "Iraqi forces repelled an Iranian attack on a mountain peak in Kurdistan.", "ASSAULT")
    assert (key(e.source), key(e.target)) == ("IRQ", "IRN")


def test_companies_investing_or_funding_at_home_are_commerce_not_cooperation(pipeline):
    text = "American manufacturers invest heavily in research, with Boeing investing 5 percent of its revenue in research."
    assert not [e for e in after_opening(events(pipeline, US_OPENING + text)) if e.plover_type == "COOPERATE"]


def test_a_share_of_the_public_in_a_poll_is_opinion_not_an_act(pipeline):
    text = "A poll showed that 32 percent of Americans support the Republican tax plan."
    assert not [e for e in after_opening(events(pipeline, US_OPENING + text)) if e.plover_type == "SUPPORT"]


def test_a_visit_on_the_schedule_is_future_one_agreed_to_is_an_agreement(pipeline):
    found = events(pipeline, "Trump will visit Japan and South Korea.", include_unasserted=True)
    assert {(e.plover_type, e.modality) for e in found} == {("AGREE", "future")}
    agreed = one(pipeline, "Russia and Japan agreed to hold talks in Moscow.", "AGREE")
    assert agreed.modality == "asserted"


def test_soldiers_killed_with_another_states_troops_were_killed_by_them(pipeline):
    text = "Twenty Indian soldiers were killed in a violent face-off on Monday night with Chinese troops."
    e = one(pipeline, text, "ASSAULT")
    assert (key(e.source), key(e.target)) == ("CHN", "IND")
    assert key(one(pipeline, "A man was killed with a knife in Delhi.", "ASSAULT").source) is None


@pytest.mark.parametrize(
    "text",
    [
        "NEW DELHI (Reuters) - Indian and Chinese troops clashed on the border on Monday.",
        "NEW DELHI (Reuters) - Indian and Chinese troops exchanged fire along the border.",
        "NEW DELHI (Reuters) - India and China fought a war in 1962.",
    ],
)
def test_two_sides_named_together_fight_each_other(pipeline, text):
    # what else the clause names (the border, the fire, a war) is no party
    assert ("ASSAULT", "IND", "CHN") in dyads(events(pipeline, text))


def test_soldiers_killed_in_a_story_of_two_states_fighting_were_killed_by_the_other(pipeline):
    text = ("Indian and Chinese troops clashed in the Galwan valley on Monday, India said. "
            "China accused India of crossing the border. More than 40 Chinese soldiers have been killed, India said.")
    found = [e for e in events(pipeline, text) if e.plover_type == "ASSAULT" and key(e.target) == "CHN"]
    assert found and all(key(e.source) == "IND" for e in found)


def test_a_verb_joined_to_anothers_clause_shares_its_object(pipeline):
    text = "The UN hails and Washington has applauded Ethiopia's announcement of a ceasefire in Tigray."
    found = dyads(events(pipeline, text))
    assert {("SUPPORT", "UN", "ETH"), ("SUPPORT", "USA", "ETH")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "The sources said no minister challenged the EU Commission's analysis.",
        "Hammond said none of the ministers criticized Tillerson.",
    ],
)
def test_an_act_with_no_doer_as_its_subject_is_negated(pipeline, text):
    found = events(pipeline, text, include_unasserted=True)
    assert all(e.modality == "negated" for e in found if e.plover_type == "ACCUSE")
    assert not [e for e in events(pipeline, text) if e.plover_type == "ACCUSE"]
    bounded = one(pipeline, "No fewer than 20 soldiers were killed by Taliban fighters.", "ASSAULT")
    assert bounded.modality == "asserted"


def test_a_trip_later_on_the_day_of_publication_is_still_to_come(pipeline):
    text = "Brazilian Finance Minister Dilson Funaro, who travels to Italy this evening, said the talks were useful."
    found = events(pipeline, text, include_unasserted=True)
    assert [e.modality for e in found if e.plover_type == "CONSULT"] == ["future"]
    done = "Brazilian Finance Minister Dilson Funaro met Italian officials this evening."
    assert one(pipeline, done, "CONSULT").modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Republicans said Obama is biased.",
        "Republicans said Obama's plan is a giveaway to the rich.",
        "Trump has declared Obama's effort a waste of time.",
    ],
)
def test_a_charge_of_bias_or_waste_accuses(pipeline, text):
    e = one(pipeline, text, "ACCUSE")
    assert key(e.target) == "USA"


def test_calling_a_report_something_is_no_phone_call(pipeline):
    text = ("U.S. Representative Nancy Pelosi said in a statement on Monday that the allegations were serious. "
            "House Speaker Paul Ryan issued a statement earlier calling the latest news report “extremely troubling.”")
    assert not [e for e in events(pipeline, text, include_unasserted=True) if e.plover_type == "CONSULT"]
    assert one(pipeline, "Obama called Putin on Tuesday.", "CONSULT").cameo_code == "041"


def test_a_possessive_time_dates_its_own_noun_not_an_act_above_it(pipeline):
    text = "The White House rejected a suggestion by Democrats that the administration delay next year's tax cut."
    e = one(pipeline, text, "REJECT")
    assert e.modality == "asserted" and e.when.start == date(2015, 10, 5)
    killed = one(pipeline, "Saturday's attack by Hezbollah on the Israeli embassy killed 29 people.", "ASSAULT")
    assert killed.when.start == date(2015, 10, 3)


def test_a_finite_verb_joined_to_a_passive_one_is_its_subjects_own_act(pipeline):
    text = "U.S. House Speaker Paul Ryan was briefed on the allegations on Saturday and urged Franks to resign."
    assert key(one(pipeline, text, "REQUEST").source) == "USA"
    summoned = one(pipeline, "The Russian ambassador was summoned by Turkey and handed a protest note.", "ACCUSE")
    assert (key(summoned.source), key(summoned.target)) == ("TUR", "RUS")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obama has said he will not lift the embargo until Cuba undertakes reforms.", "CUB"),
        ("Russia refused to withdraw its troops until NATO halts its expansion.", "NATO"),
    ],
)
def test_a_refusal_held_until_another_acts_is_aimed_at_it(pipeline, text, expected):
    e = one(pipeline, text, "REJECT")
    assert key(e.target) == expected


def test_would_not_if_is_a_hypothetical_no_refusal(pipeline):
    text = "Election officials would not remove his name if the state party tells them to."
    assert "REJECT" not in {e.plover_type for e in events(pipeline, text)}


def test_a_day_between_a_vow_and_its_infinitive_keeps_it_a_vow(pipeline):
    text = "WASHINGTON (AP) - China vowed on Friday to fight the U.S. at any cost."
    assert {e.plover_type for e in events(pipeline, text)} == {"THREATEN"}


def test_an_act_decided_on_is_the_news_beside_a_clause_of_its_own(pipeline):
    text = (
        "The Trump administration signed off Thursday on selling more than $1.3 billion in artillery to "
        "Saudi Arabia, as Crown Prince Mohammed bin Salman concludes a visit to the United States."
    )
    assert {"COOPERATE", "CONSULT"} <= {e.plover_type for e in events(pipeline, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Resign now to embrace farming, Frank tells Oyegun",
        '"Withdraw your troops from the border," Putin told Ukraine.',
    ],
)
def test_what_one_is_told_to_do_in_the_imperative_is_not_done(pipeline, text):
    assert "RETREAT" not in {e.plover_type for e in events(pipeline, text)}
    assert "RETREAT" in {e.plover_type for e in events(pipeline, text, include_unasserted=True)}


def test_a_fronted_participle_is_no_imperative(pipeline):
    e = one(pipeline, "Seeking to end the war, Russia withdrew its troops from Kyiv.", "RETREAT")
    assert e.modality == "asserted"


def test_relations_praised_in_a_story_of_two_states_are_with_the_other(pipeline):
    text = (
        "The U.S. House Majority Leader praised Morocco's role in fighting terrorism during talks with Moroccan "
        "officials in Washington. Moroccan deputy speaker Rachid El Abdi praised the exceptional relations "
        "binding the two countries and called for the strengthening of these relations in all areas."
    )
    found = dyads(events(pipeline, text))
    assert ("SUPPORT", "MAR", "USA") in found and ("REQUEST", "MAR", "USA") in found


def test_repealing_a_law_is_legislation_not_a_concession(pipeline):
    assert not after_opening(events(pipeline, US_OPENING + "The House voted on Thursday to repeal Obamacare."))


@pytest.mark.parametrize(
    "text",
    [
        "A bipartisan group in the U.S. House of Representatives has called on the EPA to act.",
        "A group of seven senators urged Trump to sign the bill.",  # no Group of Seven
    ],
)
def test_a_group_of_people_acts_as_they_do(pipeline, text):
    e = one(pipeline, "WASHINGTON (Reuters) - " + text, "REQUEST")
    assert key(e.source) == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "Democrat Danica Roem beat a long-time Republican incumbent in Virginia.",
        "Doug Jones defeated Roy Moore in the Senate race in Alabama.",
    ],
)
def test_winning_an_election_is_no_attack(pipeline, text):
    assert "ASSAULT" not in {e.plover_type for e in events(pipeline, US_OPENING + text)}


def test_defending_a_person_defends_them_in_words(pipeline):
    # CAMEO.2.0's bare "defend" is military protection (074); troops defending a city still are
    assert one(pipeline, US_OPENING + "Trump defended Roy Moore on Tuesday.", "SUPPORT").cameo_code == "052"
    assert "SUPPORT" not in {e.plover_type for e in events(pipeline, "Ukrainian troops defended the city of Bakhmut.")}


def test_enemies_neutralized_with_no_agent_were_neutralized_by_the_reporting_states_forces(pipeline):
    text = "ANKARA - Four PKK terrorists were neutralized in northern Iraq, the Turkish National Defense Ministry said."
    e = one(pipeline, text, "ASSAULT")
    assert key(e.source) == "TUR" and e.source.sector == "MIL"


def test_telling_someone_by_phone_is_a_call(pipeline):
    text = (
        "Russian Foreign Minister Sergei Lavrov told U.S. Secretary of State Rex Tillerson by phone on "
        "Thursday it was unacceptable to politicize the work of inspectors."
    )
    assert ("CONSULT", "RUS", "USA") in dyads(events(pipeline, text))
    assert not events(pipeline, "Two rebel commanders told Reuters by telephone that the guerrillas had been demobilized.")


@pytest.mark.parametrize(
    ("text", "type_", "dyad"),
    [
        # a call for the suspension of cooperation with X is aimed at X
        ("Mexico's Senate called for the suspension of cooperation with the United States.", "REQUEST", ("MEX", "USA")),
        # a person named again by title alone is the one named so before
        (
            (
                "WASHINGTON (Reuters) - Saudi Arabia's de facto ruler, Crown Prince Mohammed Bin Salman, is "
                "ending a three-week tour of the United States. Recently, the crown prince detained Lebanon's "
                "Prime Minister Saad Hariri."
            ),
            "COERCE",
            ("SAU", "LBN"),
        ),
        # a call by telephone with someone is with them
        (
            "WASHINGTON (Reuters) - Trump spoke by telephone with Chinese President Xi Jinping on Thursday.",
            "CONSULT",
            ("USA", "CHN"),
        ),
        # talks a clause is set in are between its subject and the one it addresses
        (
            (
                "WASHINGTON (Reuters) - Trump told Chinese President Xi Jinping on Thursday during talks in "
                "Beijing that trade was unfair."
            ),
            "CONSULT",
            ("USA", "CHN"),
        ),
        # captives freed with no agent are freed by whoever the article says kidnapped them
        (
            (
                "ABUJA (Reuters) - Boko Haram kidnapped 276 schoolgirls from Chibok in 2014. The 21 girls were "
                "freed on Thursday after negotiations between the government and Boko Haram."
            ),
            "CONCEDE",
            ("BOKOHARAM", "NGA"),
        ),
        # favour shown "for" someone is shown to them
        (
            "WASHINGTON (Reuters) - Trump has expressed admiration for Chinese President Xi Jinping.",
            "SUPPORT",
            ("USA", "CHN"),
        ),
        # "officials from both countries" are the two states the story is about
        (
            (
                "DHAKA (Reuters) - Myanmar and Bangladesh are at odds over the Rohingya. Officials from both "
                "countries began talks last month on how to process the Rohingya."
            ),
            "CONSULT",
            ("MMR", "BGD"),
        ),
        # a body's name ("the US Army") is no person's, whose surname "Army" would name it again
        (
            "NEW DELHI (Reuters) - The Indian Army and the US Army began a joint military exercise on Monday.",
            "COOPERATE",
            ("IND", "USA"),
        ),
        # receiving a counterpart hosts a visit
        (
            "ANKARA (Reuters) - Turkish Foreign Minister Mevlut Cavusoglu received his Hungarian counterpart.",
            "CONSULT",
            ("TUR", "HUN"),
        ),
        # an endorsement offered is support, not an offer to cooperate
        (
            "WASHINGTON (Reuters) - President Donald Trump on Friday offered a tepid endorsement of the FBI.",
            "SUPPORT",
            ("USA", "USA"),
        ),
    ],
)
def test_parties_found_beyond_the_words_of_the_act(pipeline, text, type_, dyad):
    e = one(pipeline, text, type_)
    assert (key(e.source), key(e.target)) == dyad


@pytest.mark.parametrize(
    ("text", "type_", "dyad", "target_words"),
    [
        # forces an act moves are the mover's own: where they go is the party
        ("Ghana deployed 400 soldiers to Mali last month, its army said.", "MOBILIZE", ("GHA", "MLI"), "Mali"),
        # or whom they are sent to help
        (
            "Portugal said on Monday it had offered to send soldiers to assist the Mozambican army against insurgents.",
            "AGREE",
            ("PRT", "MOZ"),
            "the Mozambican army",
        ),
        # or whom they are mobilised against
        ("The Polish army mobilized reservists for a counteroffensive against Belarus.", "MOBILIZE", ("POL", "BLR"), "Belarus"),
    ],
)
def test_forces_moved_are_no_party(pipeline, text, type_, dyad, target_words):
    e = one(pipeline, text, type_)
    assert (key(e.source), key(e.target)) == dyad
    assert _text(text, e.mentions[0].target_span) == target_words


def test_a_state_of_emergency_is_no_state(pipeline):
    text = "The African Union declared a state of emergency in Darfur on Monday."
    e = one(pipeline, text, "COERCE")
    assert e.target is None or e.target.sector != "GOV"


def test_where_a_passive_act_is_done_is_not_whom_it_is_done_to(pipeline):
    text = "Two Swedish observers were expelled from Mali on Monday."
    e = one(pipeline, text, "SANCTION")
    assert (key(e.source), key(e.target)) == ("MLI", "SWE")
    assert _text(text, e.mentions[0].source_span) == "Mali"


def test_implied_authorities_are_named_by_the_place_that_implies_them(pipeline):
    # "Niger" is tagged as a person by the parser's entity model; it is still the place
    text = "A blogger was detained in Niger on Monday."
    e = one(pipeline, text, "COERCE")
    assert key(e.source) == "NER"
    assert _text(text, e.mentions[0].source_span) == "Niger"


def test_a_party_of_the_event_an_act_is_set_in_is_not_its_party(pipeline):
    text = "Police in Nairobi detained two suspects in the bombing against the motorcade of the Kenyan trade minister."
    e = one(pipeline, text, "COERCE")
    assert _text(text, e.mentions[0].target_span) == "two suspects"


def test_local_authorities_do_not_act_on_their_own_place(pipeline):
    text = "Officials in Canada expelled an elderly former camp guard last week."
    e = one(pipeline, text, "COERCE")
    assert key(e.source) == "CAN"
    assert _text(text, e.mentions[0].target_span) != "Canada"


def test_a_pronoun_named_earlier_in_the_sentence_is_evidenced_by_the_name(pipeline):
    text = "Peru's foreign minister phoned Bolivian President Luis Arce on Sunday to thank him for his support."
    e = one(pipeline, text, "SUPPORT")
    assert key(e.target) == "BOL"
    assert _text(text, e.mentions[0].target_span) == "Bolivian President Luis Arce"


def test_a_measure_lifted_is_lifted_from_whom_it_was_imposed_on(pipeline):
    text = "Norway removed the arms embargo placed on Zimbabwe in 2002."
    e = one(pipeline, text, "RETREAT")
    assert (key(e.source), key(e.target)) == ("NOR", "ZWE")


def test_an_attack_on_an_armed_site_is_force_whoever_governs(pipeline):
    # after 2021 the Taliban are Afghanistan's government; an attack on a checkpoint is still force
    text = "Taliban fighters attacked a police checkpoint in Kandahar overnight."
    found = pipeline.extract(text, published="2023-05-01")
    assert [e.cameo_code for e in found if text[e.mentions[0].trigger.start :].startswith("attack")] == ["190"]


def test_forces_leaving_a_country_withdraw(pipeline):
    e = one(pipeline, "The last German soldiers left Niger on Saturday.", "RETREAT")
    assert (key(e.source), key(e.target)) == ("DEU", "NER")


def test_a_strike_called_off_is_yielded_to_the_state(pipeline):
    e = one(pipeline, "Chile's dock workers called off a two-week strike on Monday.", "CONCEDE")
    assert (key(e.source), key(e.target)) == ("CHL", "CHL")
    assert e.target.sector == "GOV"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a journey finished is a visit made, not one called off (CAMEO.2.0 codes "end trip" 160)
        ("The Kenyan leader ends his three-nation trip in Addis Ababa on Friday.", "CONSULT"),
        # and a visit called off is refused, not made
        ("Egypt called off a visit by the Turkish foreign minister.", "REJECT"),
    ],
)
def test_visits_ended_and_called_off(pipeline, text, type_):
    assert [e.plover_type for e in events(pipeline, text)] == [type_]


def test_where_the_released_were_held_is_no_party(pipeline):
    text = "Ecuador's highest court freed ex-Vice President Jorge Glas from prison on Saturday."
    e = one(pipeline, text, "RETREAT")
    assert _text(text, e.mentions[0].target_span) == "ex-Vice President Jorge Glas"


def test_a_bare_past_participle_tells_what_was_done_to_its_subject(pipeline):
    # a headline's "journalists detained": the journalists were detained, they detained no one
    text = "Two Turkish journalists detained in Istanbul raid"
    e = one(pipeline, text, "COERCE")
    assert key(e.source) == "TUR"
    assert _text(text, e.mentions[0].target_span) == "Two Turkish journalists"


def test_restrictions_lifted_are_lifted_from_whom_they_were_imposed_on(pipeline):
    text = "Canada has lifted travel bans placed on Venezuelan officials."
    e = one(pipeline, text, "CONCEDE")
    assert (key(e.source), key(e.target)) == ("CAN", "VEN")
    assert _text(text, e.mentions[0].target_span) == "Venezuelan officials"


def test_a_thing_owned_by_a_pronoun_is_evidenced_by_its_owners_name(pipeline):
    text = "Kenya's navy renewed its commitment to support the Somali coast guard."
    e = one(pipeline, text, "SUPPORT")
    assert _text(text, e.mentions[0].source_span) == "Kenya's navy"


def test_the_state_a_protest_is_against_is_evidenced_where_the_sentence_names_its_government(pipeline):
    text = "Colombia's port workers called off a national strike on Sunday following a pay accord with the Colombian government."
    e = one(pipeline, text, "CONCEDE")
    assert (key(e.source), key(e.target)) == ("COL", "COL")
    assert _text(text, e.mentions[0].target_span) == "the Colombian government"


def test_where_a_story_was_filed_is_never_a_pronouns_evidence(pipeline):
    text = (
        "WASHINGTON (Reuters) - U.S. House Republican leader Kevin McCarthy said on Sunday it would be "
        "“absurd” for a quarrel with Democrats over spending to shut down the government."
    )
    for e in pipeline.extract(text, published="2018-01-07"):
        assert "(Reuters)" not in (_text(text, e.mentions[0].target_span) or "")
