"""The names of word classes and predicate roles: one enum each, so that no check spells a class as a string.

Values equal the class names in ``rules/lexicons/*.yaml``; a StrEnum compares and hashes like its value, so
``VerbClass.CHANGE in lexicon.verb_classes("raise")`` holds.
"""

from __future__ import annotations

from enum import StrEnum


class VerbClass(StrEnum):
    CHANGE = "change"  # moves a measure: increase, reduce
    ATTAIN = "attain"  # reaches or wins a result: reach, win, sign
    OUTPUT = "output"  # produces work: write, build, publish
    OUTREACH = "outreach"  # contacts people: call, email, meet
    LEARNING = "learning"  # finds out: interview, research, explore
    BINARY = "binary"  # done or not done: launch, ship, go live
    MAINTENANCE = "maintenance"  # runs the day-to-day: handle, process, answer
    HOLDING = "holding"  # keeps a level where it is: maintain, keep, stay
    TARGET_HIT = "target_hit"  # hits a given number: hit, meet, beat
    STAFFING = "staffing"  # fills roles: hire, appoint
    PURCHASE = "purchase"  # acquires goods by paying: buy, purchase (derived from WordNet)
    APPEARANCE = "appearance"  # appears before an audience: appear, get featured, guest
    ESCAPE = "escape"  # leaves something behind: get rid of, get out of, lose
    PROVISION = "provision"  # hands something over: deliver, provide, supply, offer (derived from WordNet)
    CESSATION = "cessation"  # gives something up: stop, quit, cease (derived from WordNet)


class NounClass(StrEnum):
    ARTIFACT = "artifact"  # a thing made: plan, website, report
    ACTIVITY = "activity"  # an event or task: workshop, meeting, campaign
    METRIC = "metric"  # a measure: revenue, churn, NPS
    PERSON = "person"  # people: customers, engineers
    INSIGHT = "insight"  # knowledge: needs, pain points
    WORK_ITEM = "work_item"  # units of work: tickets, tasks, bugs
    AGGREGATE = "aggregate"  # a total: overall, total
    KPI_VOLUME = "kpi_volume"  # running volumes: sales, revenue, users
    TARGET_WORD = "target_word"  # the target itself: quota, goal
    GOODS = "goods"  # physical goods one buys: laptops, licences (derived from WordNet)


class Role(StrEnum):
    """What a predicate does, decided once from its verb, object, number and shape (see ``roles.ROLE_TABLE``)."""

    MEASURE = "measure"  # moves a measure: "Increase NPS from 30 to 45"
    ATTAIN = "attain"  # reaches a result: "Sign 20 new customers"
    MAINTAIN = "maintain"  # holds a level: "Keep uptime above 99.9%"
    CAUSE = "cause"  # brings about a state: "Make releases boring", "Become the go-to platform"
    DELIVER = "deliver"  # makes a thing: "Write a marketing plan", "Deliver a new website"
    LAUNCH = "launch"  # a milestone, done or not: "Go live in Germany", "Migrate billing to Stripe"
    REACH_OUT = "reach out"  # contacts people: "Call 50 customers"
    LEARN = "learn"  # finds something out: "Interview 10 users"
    OPERATE = "operate"  # runs the day-to-day: "Answer all support tickets"
    STAFF = "staff"  # fills a role: "Hire a Head of Marketing"
    PURCHASE = "purchase"  # buys goods: "Buy 40 new laptops"
    OTHER = "other"  # none of the above


class NumberPlace(StrEnum):
    """Where the predicate's number sits."""

    NONE = "none"  # no number
    LIMIT = "limit"  # a time the work must beat: "run 5 km in 25 minutes", "answer within 4 hours"
    RANK = "rank"  # a position to reach in a ranking: "appear in the top 3 results", "finish in the top 10"
    COUNTS_OBJECT = "counts object"  # "publish 4 posts", "contact 100% of customers"
    TARGET = "target"  # any other number: a level or change of the measure
