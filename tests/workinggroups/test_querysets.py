"""The read helpers of bodies, seats and recommendations answer the question their name asks."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, RecommendationFactory
from workinggroups.models import Membership, Recommendation, WorkingGroup


@pytest.mark.django_db
def test_current_memberships_respect_the_term(group_a):
    today = timezone.localdate()
    current = MembershipFactory(group=group_a, start_date=today)
    MembershipFactory(group=group_a, start_date=today + datetime.timedelta(days=1))
    MembershipFactory(group=group_a, start_date=datetime.date(2024, 1, 1), end_date=today - datetime.timedelta(days=1))
    assert list(Membership.objects.current()) == [current]


@pytest.mark.django_db
def test_active_bodies_and_adopted_recommendations(group_a, group_c):
    group_c.is_active = False
    group_c.save()
    assert list(WorkingGroup.objects.active()) == [group_a]
    adopted = RecommendationFactory(group=group_a)
    RecommendationFactory(group=group_a, status="draft", adopted_on=None)
    assert list(Recommendation.objects.adopted()) == [adopted]
