import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SeriousIncidentsModule } from '../serious-incidents/serious-incidents.module';
import { RecommendationAction } from './recommendation-action.entity';
import { Recommendation } from './recommendation.entity';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsService } from './recommendations.service';
import { RecommendationPagesController } from './web/recommendation-pages.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Recommendation, RecommendationAction]), SeriousIncidentsModule],
  controllers: [RecommendationsController, RecommendationPagesController],
  providers: [RecommendationsService],
  exports: [RecommendationsService],
})
export class RecommendationsModule {}
